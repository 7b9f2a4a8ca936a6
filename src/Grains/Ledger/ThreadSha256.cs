using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>
/// One SHA-256 hasher per thread, reset after each hash. Every ballot is hashed twice (its commitment and its ledger
/// leaf); a fresh hasher each time created and freed an OpenSSL digest context, where a reused one only resets it.
/// </summary>
internal static class ThreadSha256
{
    [ThreadStatic] private static IncrementalHash? hasher;

    /// <summary>SHA-256 of <paramref name="prefix"/> followed by <paramref name="data"/>, written to <paramref name="destination"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var sha = hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            if (!prefix.IsEmpty) sha.AppendData(prefix); // each append is a call into OpenSSL
            sha.AppendData(data);
            sha.GetHashAndReset(destination[..MerkleHash.Size]);
        }
        catch
        {
            // A hasher left half-fed would prefix the next hash on this thread with these bytes: drop it.
            hasher = null;
            sha.Dispose();
            throw;
        }
    }
}
