namespace CaseGrains.Ledger;

/// <summary>
/// A published checkpoint of a case ledger. <see cref="Checkpoint"/> is the signed note verbatim, with the log's
/// signature followed by every witness cosignature received so far; the other members repeat its body for clients
/// that do not parse notes, and say who cosigned and who refused it.
/// </summary>
/// <param name="RootHash">Base64 of the 32-byte RFC 9162 root.</param>
/// <param name="PublishedAt">When the server signed it.</param>
/// <param name="Refusals">Witnesses that checked this checkpoint and refused to cosign it, with their reasons.</param>
public sealed record CheckpointResponse(
    string CaseId,
    string Origin,
    long TreeSize,
    string RootHash,
    string Checkpoint,
    DateTimeOffset PublishedAt,
    IReadOnlyList<WitnessCosignatureView> Cosignatures,
    IReadOnlyList<WitnessRefusalView> Refusals);
