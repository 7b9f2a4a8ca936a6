namespace CaseGrains.Ledger;

/// <summary>What a witness decided: on success, its cosignature line and the checkpoint with that line appended.</summary>
public sealed record WitnessResult(bool Ok, string Message, NoteSignature? Cosignature, SignedCheckpoint? Cosigned);
