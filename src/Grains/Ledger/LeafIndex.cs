using System.Buffers.Binary;

namespace CaseGrains.Ledger;

/// <summary>
/// Finds a leaf of a <see cref="MerkleTree"/> by its hash, for inclusion proofs asked for by leaf hash. Keyed by the
/// hash's first 8 bytes (about 30 bytes a leaf); a match is always checked against the whole hash in the tree.
/// </summary>
/// <remarks>
/// Leaf hashes are unique in practice, since every entry encodes its own position and case. Two leaves whose first
/// 8 bytes agree (about one chance in 2^64 / n² of it happening at all) keep the first in the index, and a lookup that
/// finds the other's prefix but not its hash scans the tree instead: slower, never wrong.
/// </remarks>
public sealed class LeafIndex
{
    private readonly Dictionary<ulong, long> byPrefix = [];
    private long indexed;

    /// <summary>The position of the first leaf whose hash is <paramref name="leafHash"/>, or null; indexes the leaves
    /// appended since the last call first.</summary>
    public long? Find(MerkleTree tree, ReadOnlySpan<byte> leafHash)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (leafHash.Length != MerkleHash.Size) return null;
        for (; indexed < tree.Size; indexed++)
            byPrefix.TryAdd(Prefix(tree.Leaf(indexed)), indexed);
        if (!byPrefix.TryGetValue(Prefix(leafHash), out var position)) return null;
        if (tree.Leaf(position).SequenceEqual(leafHash)) return position;
        for (var i = 0L; i < tree.Size; i++)
        {
            if (tree.Leaf(i).SequenceEqual(leafHash)) return i;
        }
        return null;
    }

    private static ulong Prefix(ReadOnlySpan<byte> hash) => BinaryPrimitives.ReadUInt64LittleEndian(hash);
}
