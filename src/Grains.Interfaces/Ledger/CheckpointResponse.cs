namespace CaseGrains.Ledger;

/// <summary>
/// A case ledger's latest checkpoint. <see cref="Checkpoint"/> is the signed note verbatim (also servable as
/// text/plain); the other members repeat its body for clients that do not parse notes.
/// </summary>
/// <param name="RootHash">Base64 of the 32-byte RFC 9162 root.</param>
public sealed record CheckpointResponse(string CaseId, string Origin, long TreeSize, string RootHash, string Checkpoint);
