using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>
/// RFC 9162 section 2.1 written as literally as possible (recursive MTH, PATH and SUBPROOF over a list of leaf
/// hashes), to cross-check the incremental tree. Quadratic; for small trees only.
/// </summary>
internal static class ReferenceMerkle
{
    public static byte[] Mth(IReadOnlyList<byte[]> leaves, int start, int n)
    {
        if (n == 0)
            return MerkleHash.Empty();
        if (n == 1)
            return leaves[start];
        var k = Split(n);
        return MerkleHash.Node(Mth(leaves, start, k), Mth(leaves, start + k, n - k));
    }

    public static List<byte[]> Path(IReadOnlyList<byte[]> leaves, int m, int start, int n)
    {
        if (n == 1)
            return [];
        var k = Split(n);
        return m < k
            ? [.. Path(leaves, m, start, k), Mth(leaves, start + k, n - k)]
            : [.. Path(leaves, m - k, start + k, n - k), Mth(leaves, start, k)];
    }

    public static List<byte[]> Proof(IReadOnlyList<byte[]> leaves, int m, int n) =>
        m == 0 || m == n ? [] : SubProof(leaves, m, 0, n, true);

    private static List<byte[]> SubProof(IReadOnlyList<byte[]> leaves, int m, int start, int n, bool b)
    {
        if (m == n)
            return b ? [] : [Mth(leaves, start, n)];
        var k = Split(n);
        return m <= k
            ? [.. SubProof(leaves, m, start, k, b), Mth(leaves, start + k, n - k)]
            : [.. SubProof(leaves, m - k, start + k, n - k, false), Mth(leaves, start, k)];
    }

    private static int Split(int n)
    {
        var k = 1;
        while (k * 2 < n)
            k *= 2;
        return k;
    }
}
