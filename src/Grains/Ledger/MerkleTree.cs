namespace CaseGrains.Ledger;

/// <summary>
/// An append-only Merkle tree over leaf hashes exactly as RFC 9162 section 2.1 defines it (each split is at the
/// largest power of two smaller than the size), able to give the root, inclusion proofs and consistency proofs for
/// any size up to the current one.
/// </summary>
/// <remarks>
/// <para>Appending costs one hash plus one per completed subtree, amortized under two: the roots of the complete
/// subtrees along the right edge (the "compact range", one per set bit of <see cref="Size"/>) are kept and merged like
/// a binary counter's carries. Nothing is ever rehashed.</para>
/// <para>Every leaf hash is kept (32 bytes each). The hash of every complete subtree of
/// 2^<see cref="FirstCachedLevel"/> or more leaves is kept as well, which adds one eighth to the leaves' memory;
/// smaller subtrees are rehashed from leaves when a proof needs them, at most 1 + 3 + 7 hashes per proof. A proof
/// therefore costs O(log n) hashes. One million leaves take about 36 MB.</para>
/// <para>Not thread-safe: one writer, or external locking, as a grain gives.</para>
/// </remarks>
public sealed class MerkleTree
{
    /// <summary>Lowest level whose complete subtree hashes are kept; level 0 is the leaves themselves.</summary>
    public const int FirstCachedLevel = 4;

    private const int MaxLevels = 64;

    private readonly HashList leaves = new();
    private readonly List<HashList> cachedLevels = [];
    private readonly byte[] rightEdge = new byte[MaxLevels * MerkleHash.Size];

    public long Size => leaves.Count;

    /// <summary>Builds a tree from leaf hashes already computed, e.g. when a grain loads its ledger from storage.</summary>
    public static MerkleTree FromLeafHashes(IEnumerable<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        var tree = new MerkleTree();
        foreach (var hash in leafHashes)
            tree.AppendLeafHash(hash);
        return tree;
    }

    /// <summary>Hashes <paramref name="entry"/> as a leaf and appends it; returns its index.</summary>
    public long AppendEntry(ReadOnlySpan<byte> entry)
    {
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        MerkleHash.Leaf(entry, leaf);
        return AppendLeafHash(leaf);
    }

    /// <summary>Appends an already computed leaf hash; returns its index.</summary>
    public long AppendLeafHash(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
            throw new ArgumentException($"a leaf hash is {MerkleHash.Size} bytes, not {leafHash.Length}", nameof(leafHash));
        var index = Size;
        leaves.Add(leafHash);

        Span<byte> node = stackalloc byte[MerkleHash.Size];
        leafHash.CopyTo(node);
        var level = 0;
        // Each set low bit of the old size is a complete left sibling waiting on the right edge: merge into it.
        while (((index >> level) & 1) == 1)
        {
            MerkleHash.Node(EdgeSlot(level), node, node);
            level++;
            if (level >= FirstCachedLevel)
                CachedLevel(level).Add(node);
        }
        node.CopyTo(EdgeSlot(level));
        return index;
    }

    /// <summary>The leaf hash at <paramref name="index"/>, without a copy: valid until the next append.</summary>
    internal ReadOnlySpan<byte> Leaf(long index) => leaves[index];

    public byte[] LeafHash(long index)
    {
        if ((ulong)index >= (ulong)Size)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the tree has {Size} leaves");
        return leaves[index].ToArray();
    }

    /// <summary>The root hash of the current tree.</summary>
    public byte[] Root() => RootAt(Size);

    /// <summary>The root hash the tree had when it held <paramref name="treeSize"/> leaves.</summary>
    public byte[] RootAt(long treeSize)
    {
        CheckSize(treeSize, nameof(treeSize));
        if (treeSize == 0)
            return MerkleHash.Empty();
        var root = new byte[MerkleHash.Size];
        RangeHash(0, treeSize, root);
        return root;
    }

    /// <summary>
    /// The audit path for the leaf at <paramref name="index"/> in the tree of size <paramref name="treeSize"/>
    /// (RFC 9162 2.1.3.1): sibling hashes from the leaf up to the root's child.
    /// </summary>
    public IReadOnlyList<byte[]> InclusionProof(long index, long treeSize)
    {
        CheckSize(treeSize, nameof(treeSize));
        if (index < 0 || index >= treeSize)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"not a leaf of a tree of size {treeSize}");
        var proof = new List<byte[]>(MaxLevels);
        Path(index, 0, treeSize, proof);
        return proof;
    }

    /// <summary>
    /// The consistency proof between the trees of <paramref name="oldSize"/> and <paramref name="newSize"/> leaves
    /// (RFC 9162 2.1.4.1). Empty when the old size is 0 or equals the new size.
    /// </summary>
    public IReadOnlyList<byte[]> ConsistencyProof(long oldSize, long newSize)
    {
        CheckSize(newSize, nameof(newSize));
        if (oldSize < 0 || oldSize > newSize)
            throw new ArgumentOutOfRangeException(nameof(oldSize), oldSize, $"must be between 0 and {newSize}");
        var proof = new List<byte[]>(MaxLevels);
        if (oldSize > 0 && oldSize < newSize)
            SubProof(oldSize, 0, newSize, true, proof);
        return proof;
    }

    // PATH(m, D[start:start+n]) of RFC 9162 2.1.3.1.
    private void Path(long m, long start, long n, List<byte[]> proof)
    {
        if (n == 1)
            return;
        var k = LargestPowerOfTwoBelow(n);
        if (m < k)
        {
            Path(m, start, k, proof);
            proof.Add(RangeHash(start + k, n - k));
        }
        else
        {
            Path(m - k, start + k, n - k, proof);
            proof.Add(RangeHash(start, k));
        }
    }

    // SUBPROOF(m, D[start:start+n], b) of RFC 9162 2.1.4.1.
    private void SubProof(long m, long start, long n, bool startsAtOldRoot, List<byte[]> proof)
    {
        if (m == n)
        {
            if (!startsAtOldRoot)
                proof.Add(RangeHash(start, n));
            return;
        }
        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(m, start, k, startsAtOldRoot, proof);
            proof.Add(RangeHash(start + k, n - k));
        }
        else
        {
            SubProof(m - k, start + k, n - k, false, proof);
            proof.Add(RangeHash(start, k));
        }
    }

    private byte[] RangeHash(long start, long count)
    {
        var hash = new byte[MerkleHash.Size];
        RangeHash(start, count, hash);
        return hash;
    }

    // MTH(D[start:start+count]). Every range the RFC's recursions produce starts at a multiple of the power of two
    // at or above its count, so its left parts are complete, aligned subtrees.
    private void RangeHash(long start, long count, Span<byte> destination)
    {
        if ((count & (count - 1)) == 0)
        {
            var level = System.Numerics.BitOperations.Log2((ulong)count);
            SubtreeHash(level, start >> level, destination);
            return;
        }
        var k = LargestPowerOfTwoBelow(count);
        Span<byte> left = stackalloc byte[MerkleHash.Size];
        SubtreeHash(System.Numerics.BitOperations.Log2((ulong)k), start / k, left);
        RangeHash(start + k, count - k, destination);
        MerkleHash.Node(left, destination, destination);
    }

    // The hash of the complete subtree of 2^level leaves starting at leaf index << level.
    private void SubtreeHash(int level, long index, Span<byte> destination)
    {
        if (level == 0)
        {
            leaves[index].CopyTo(destination);
            return;
        }
        if (level >= FirstCachedLevel)
        {
            cachedLevels[level - FirstCachedLevel][index].CopyTo(destination);
            return;
        }
        Span<byte> left = stackalloc byte[MerkleHash.Size];
        SubtreeHash(level - 1, 2 * index, left);
        SubtreeHash(level - 1, 2 * index + 1, destination);
        MerkleHash.Node(left, destination, destination);
    }

    private HashList CachedLevel(int level)
    {
        while (cachedLevels.Count <= level - FirstCachedLevel)
            cachedLevels.Add(new HashList());
        return cachedLevels[level - FirstCachedLevel];
    }

    private Span<byte> EdgeSlot(int level) => rightEdge.AsSpan(level * MerkleHash.Size, MerkleHash.Size);

    private void CheckSize(long treeSize, string name)
    {
        if (treeSize < 0 || treeSize > Size)
            throw new ArgumentOutOfRangeException(name, treeSize, $"must be between 0 and the current size {Size}");
    }

    /// <summary>The k of RFC 9162: the largest power of two strictly smaller than <paramref name="n"/> (n ≥ 2).</summary>
    internal static long LargestPowerOfTwoBelow(long n) => 1L << System.Numerics.BitOperations.Log2((ulong)(n - 1));
}
