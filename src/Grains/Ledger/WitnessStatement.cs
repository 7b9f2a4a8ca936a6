namespace CaseGrains.Ledger;

/// <summary>
/// What a witness said about one checkpoint: it cosigned it, or it refused with a reason. <see cref="Signature"/> is
/// the signature line (without its newline): the cosignature, or the signed refusal (see <see cref="WitnessRefusal"/>).
/// </summary>
/// <param name="At">The time the witness put in its signature.</param>
public sealed record WitnessStatement(string Witness, bool Cosigned, string Signature, string? Reason, DateTimeOffset At);
