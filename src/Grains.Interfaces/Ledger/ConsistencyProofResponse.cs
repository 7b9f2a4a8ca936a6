namespace CaseGrains.Ledger;

/// <summary>An RFC 9162 consistency proof that the tree of <see cref="FromSize"/> entries is a prefix of the tree of <see cref="ToSize"/>.</summary>
/// <param name="Hashes">Base64 proof hashes in RFC 9162 order; empty when FromSize is 0 or equals ToSize.</param>
public sealed record ConsistencyProofResponse(string CaseId, long FromSize, long ToSize, IReadOnlyList<string> Hashes);
