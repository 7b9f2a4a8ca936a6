namespace CaseGrains.Ledger;

/// <summary>
/// Computes the RFC 9162 root of a stream of leaf hashes in O(log n) memory, keeping only the roots of the complete
/// subtrees on the right edge. For checking an export of any length without holding it; use
/// <see cref="MerkleTree"/> when proofs are needed.
/// </summary>
public sealed class MerkleRootAccumulator
{
    private readonly byte[] rightEdge = new byte[64 * MerkleHash.Size];

    public long Size { get; private set; }

    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
            throw new ArgumentException($"a leaf hash is {MerkleHash.Size} bytes, not {leafHash.Length}", nameof(leafHash));
        Span<byte> node = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(node);
        var level = 0;
        while (((Size >> level) & 1) == 1)
        {
            MerkleHash.Node(Slot(level), node, node);
            level++;
        }
        node.CopyTo(Slot(level));
        Size++;
    }

    /// <summary>The root of the leaves appended so far: the right-edge subtrees folded from the smallest up.</summary>
    public byte[] Root()
    {
        if (Size == 0)
            return MerkleHash.Empty();
        var level = System.Numerics.BitOperations.TrailingZeroCount(Size);
        var root = Slot(level).ToArray();
        for (level++; level < 64; level++)
        {
            if (((Size >> level) & 1) == 1)
                MerkleHash.Node(Slot(level), root, root);
        }
        return root;
    }

    private Span<byte> Slot(int level) => rightEdge.AsSpan(level * MerkleHash.Size, MerkleHash.Size);
}
