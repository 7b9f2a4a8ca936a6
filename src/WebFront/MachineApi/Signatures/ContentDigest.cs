using System.Security.Cryptography;

namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// The Content-Digest field of RFC 9530: a dictionary from hash algorithm to the digest of the message content
/// as a byte sequence, e.g. <c>sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:</c>.
/// </summary>
public static class ContentDigest
{
    public const string HeaderName = "Content-Digest";
    public const string Sha256 = "sha-256";
    public const string Sha512 = "sha-512";

    /// <summary>The field value for <paramref name="content"/> with one algorithm, sha-256 unless told otherwise.</summary>
    public static string Compute(ReadOnlySpan<byte> content, string algorithm = Sha256) =>
        $"{algorithm}={StructuredFields.SerializeByteSequence(Hash(algorithm, content) ?? throw new ArgumentException($"Unsupported digest algorithm '{algorithm}'.", nameof(algorithm)))}";

    /// <summary>
    /// True when the field has at least one sha-256 or sha-512 digest and every such digest matches the content.
    /// Other algorithms are ignored (RFC 9530 section 2 lets a recipient ignore any), so they can neither make a
    /// digest pass nor fail.
    /// </summary>
    public static bool Verify(string? fieldValue, ReadOnlySpan<byte> content, out string problem)
    {
        if (string.IsNullOrWhiteSpace(fieldValue))
        {
            problem = "Content-Digest is missing";
            return false;
        }

        IReadOnlyList<KeyValuePair<string, object>> members;
        try
        {
            members = StructuredFields.ParseDictionary(fieldValue);
        }
        catch (FormatException e)
        {
            problem = $"Content-Digest is malformed: {e.Message}";
            return false;
        }

        var checkedAny = false;
        foreach (var (algorithm, member) in members)
        {
            if (algorithm is not (Sha256 or Sha512))
            {
                continue;
            }

            if (member is not StructuredFields.Item { Value: byte[] claimed })
            {
                problem = $"Content-Digest {algorithm} is not a byte sequence";
                return false;
            }

            if (!CryptographicOperations.FixedTimeEquals(Hash(algorithm, content), claimed))
            {
                problem = $"Content-Digest {algorithm} does not match the content";
                return false;
            }

            checkedAny = true;
        }

        problem = checkedAny ? string.Empty : "Content-Digest has no sha-256 or sha-512 digest";
        return checkedAny;
    }

    private static byte[]? Hash(string algorithm, ReadOnlySpan<byte> content) => algorithm switch
    {
        Sha256 => SHA256.HashData(content),
        Sha512 => SHA512.HashData(content),
        _ => null,
    };
}
