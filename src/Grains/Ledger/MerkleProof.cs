using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>
/// Verification of RFC 9162 inclusion (2.1.3.2) and consistency (2.1.4.2) proofs. These take untrusted input:
/// they return false for anything wrong, malformed or out of range, and never throw.
/// </summary>
public static class MerkleProof
{
    /// <summary>True when <paramref name="proof"/> shows the leaf at <paramref name="index"/> is in the tree of
    /// <paramref name="treeSize"/> leaves whose root is <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]>? proof, ReadOnlySpan<byte> root)
    {
        Span<byte> computed = stackalloc byte[MerkleHash.Size];
        return TryRootFromInclusionProof(index, treeSize, leafHash, proof, computed)
            && root.Length == MerkleHash.Size
            && CryptographicOperations.FixedTimeEquals(computed, root);
    }

    /// <summary>
    /// Runs the RFC 9162 2.1.3.2 algorithm and writes the root it arrives at; false when the proof cannot belong to a
    /// tree of that size at all (wrong length, index out of range, malformed hashes).
    /// </summary>
    public static bool TryRootFromInclusionProof(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]>? proof, Span<byte> root)
    {
        if (proof is null || index < 0 || treeSize <= 0 || index >= treeSize
            || leafHash.Length != MerkleHash.Size || root.Length < MerkleHash.Size || !AllHashes(proof, 0))
            return false;

        var fn = (ulong)index;
        var sn = (ulong)(treeSize - 1);
        Span<byte> r = root[..MerkleHash.Size];
        leafHash.CopyTo(r);
        foreach (var p in proof)
        {
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(p, r, r);
                if ((fn & 1) == 0)
                {
                    while (fn != 0 && (fn & 1) == 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(r, p, r);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0;
    }

    /// <summary>
    /// True when <paramref name="proof"/> shows the tree of <paramref name="oldSize"/> leaves with root
    /// <paramref name="oldRoot"/> is a prefix of the tree of <paramref name="newSize"/> leaves with root
    /// <paramref name="newRoot"/>.
    /// </summary>
    /// <remarks>
    /// RFC 9162 defines the algorithm for 0 &lt; old &lt; new. The edges are decided here as follows: equal sizes are
    /// consistent when the roots are equal and the proof is empty; the empty tree (whose root must be the hash of
    /// the empty string) is a prefix of every tree, with an empty proof; a smaller new size is never consistent.
    /// </remarks>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]>? proof)
    {
        if (proof is null || oldSize < 0 || newSize < oldSize
            || oldRoot.Length != MerkleHash.Size || newRoot.Length != MerkleHash.Size)
            return false;
        if (oldSize == newSize)
            return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(oldRoot, newRoot);
        if (oldSize == 0)
            return proof.Count == 0 && CryptographicOperations.FixedTimeEquals(oldRoot, MerkleHash.Empty());
        if (proof.Count == 0 || !AllHashes(proof, 0))
            return false;

        Span<byte> fr = stackalloc byte[MerkleHash.Size];
        Span<byte> sr = stackalloc byte[MerkleHash.Size];
        var next = 0;
        // When the old tree is a complete subtree of the new one its root is the proof's implicit first element.
        if ((oldSize & (oldSize - 1)) == 0)
        {
            oldRoot.CopyTo(fr);
            oldRoot.CopyTo(sr);
        }
        else
        {
            proof[0].CopyTo(fr);
            proof[0].CopyTo(sr);
            next = 1;
        }

        var fn = (ulong)(oldSize - 1);
        var sn = (ulong)(newSize - 1);
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }
        for (var i = next; i < proof.Count; i++)
        {
            var c = proof[i];
            if (sn == 0)
                return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                MerkleHash.Node(c, fr, fr);
                MerkleHash.Node(c, sr, sr);
                if ((fn & 1) == 0)
                {
                    while (fn != 0 && (fn & 1) == 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                MerkleHash.Node(sr, c, sr);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0
            && CryptographicOperations.FixedTimeEquals(fr, oldRoot)
            && CryptographicOperations.FixedTimeEquals(sr, newRoot);
    }

    private static bool AllHashes(IReadOnlyList<byte[]> proof, int from)
    {
        for (var i = from; i < proof.Count; i++)
        {
            if (proof[i] is not { Length: MerkleHash.Size })
                return false;
        }
        return true;
    }
}
