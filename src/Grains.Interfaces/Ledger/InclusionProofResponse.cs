namespace CaseGrains.Ledger;

/// <summary>An RFC 9162 inclusion proof for the entry at <see cref="Index"/> in the tree of <see cref="TreeSize"/> entries.</summary>
/// <param name="LeafHash">Base64 of the entry's leaf hash.</param>
/// <param name="Hashes">Base64 proof hashes, the leaf's sibling first.</param>
/// <param name="Checkpoint">The signed checkpoint of <see cref="TreeSize"/> the proof leads to, when one was published at that size.</param>
public sealed record InclusionProofResponse(string CaseId, long Index, long TreeSize, string LeafHash, IReadOnlyList<string> Hashes, string? Checkpoint);
