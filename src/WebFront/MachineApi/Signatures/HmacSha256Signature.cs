using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.MachineApi.Signatures;

/// <summary>The hmac-sha256 algorithm of RFC 9421 section 3.3.3 over the ASCII bytes of a signature base.</summary>
public static class HmacSha256Signature
{
    public const string AlgorithmName = "hmac-sha256";

    public static byte[] Compute(string signatureBase, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(signatureBase);
        return HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signatureBase));
    }

    /// <summary>Compares in constant time, so that response timing does not reveal how much of a forged MAC was right.</summary>
    public static bool Matches(string signatureBase, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> signature) =>
        CryptographicOperations.FixedTimeEquals(Compute(signatureBase, secret), signature);
}
