namespace CaseGrains.Ledger;

/// <summary>
/// What a witness needs to decide whether to cosign: the newest checkpoint, and the consistency proof to it from
/// <see cref="FromSize"/> (the last checkpoint this witness cosigned, or the size it asked for).
/// </summary>
/// <param name="LastCosigned">The checkpoint this witness cosigned last, as the server holds it (with its
/// cosignature); null if it never cosigned one. A witness should trust its own copy over this one.</param>
/// <param name="Proof">Base64 RFC 9162 consistency proof hashes from FromSize to the newest size.</param>
public sealed record WitnessCheckpointResponse(
    string CaseId, string Witness, CheckpointResponse Newest, string? LastCosigned, long FromSize, IReadOnlyList<string> Proof);
