namespace CaseGrains.Ledger;

/// <summary>
/// One fact in a case's append-only ledger. <see cref="Encoded"/> holds the canonical bytes that are hashed
/// (see <see cref="LedgerEntryEncoding"/>); everything else is read from them.
/// </summary>
public sealed record LedgerEntry(string CaseId, long Position, DateTimeOffset Time, string Actor, string Kind, byte[] Encoded)
{
    public byte[] LeafHash() => MerkleHash.Leaf(Encoded);
}
