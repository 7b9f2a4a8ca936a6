namespace CaseGrains.Ledger;

/// <summary>Recorded leaf hashes of consecutive stored rows: <see cref="LeafHashes"/> holds
/// <see cref="MerkleHash.Size"/> bytes for each of <see cref="Positions"/>, in the same order.</summary>
public sealed record LedgerLeafPage(long[] Positions, byte[] LeafHashes)
{
    public int Count => Positions.Length;

    public ReadOnlySpan<byte> LeafHash(int i) => LeafHashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size);
}
