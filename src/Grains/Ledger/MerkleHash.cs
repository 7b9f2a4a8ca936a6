using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>RFC 9162 section 2.1.1 hashing: SHA-256 with a 0x00 prefix for leaves and 0x01 for interior nodes.</summary>
public static class MerkleHash
{
    public const int Size = 32;

    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Size];
        Leaf(entry, hash);
        return hash;
    }

    /// <summary>HASH(0x01 || left || right). Children are normally 32-byte hashes, but any lengths are hashed as given.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>Writes the leaf hash of <paramref name="entry"/> into <paramref name="destination"/> without allocating.</summary>
    public static void Leaf(ReadOnlySpan<byte> entry, Span<byte> destination) => ThreadSha256.Hash([0x00], entry, destination);

    /// <summary>
    /// Writes the interior node hash into <paramref name="destination"/> without allocating. The inputs are copied
    /// before the hash is written, so <paramref name="destination"/> may overlap either child.
    /// </summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length == Size && right.Length == Size)
        {
            Span<byte> buffer = stackalloc byte[1 + 2 * Size];
            buffer[0] = 0x01;
            left.CopyTo(buffer[1..]);
            right.CopyTo(buffer[(1 + Size)..]);
            SHA256.HashData(buffer, destination[..Size]);
            return;
        }
        // A fixed 65-byte buffer would zero-pad short children and let long ones overwrite each other.
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([0x01]);
        sha.AppendData(left);
        sha.AppendData(right);
        Span<byte> hash = stackalloc byte[Size];
        sha.GetHashAndReset(hash);
        hash.CopyTo(destination[..Size]);
    }

    /// <summary>The root of the empty tree: the hash of the empty string.</summary>
    public static byte[] Empty() => SHA256.HashData([]);
}
