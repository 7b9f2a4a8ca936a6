namespace CaseGrains.Ledger;

/// <summary>
/// The plain-text form of a list of proof hashes, as files and the verifier console use it: one base64 SHA-256 hash
/// per line, in proof order (the same lines a tlog-proof carries).
/// </summary>
public static class ProofHashes
{
    /// <summary>No RFC 9162 proof over a tree of at most 2^63 leaves is longer than this.</summary>
    public const int MaxCount = 130;

    public static string Format(IEnumerable<byte[]> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        return string.Concat(hashes.Select(hash => Convert.ToBase64String(hash) + "\n"));
    }

    /// <summary>Parses the hashes; blank lines and carriage returns are ignored. Throws <see cref="FormatException"/>.</summary>
    public static IReadOnlyList<byte[]> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hashes = new List<byte[]>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0)
                continue;
            if (hashes.Count == MaxCount)
                throw new FormatException($"a proof has at most {MaxCount} hashes");
            hashes.Add(ParseHash(line, $"proof hash {hashes.Count}"));
        }
        return hashes;
    }

    internal static byte[] ParseHash(string line, string what)
    {
        var hash = StrictBase64.Decode(line, what);
        if (hash.Length != MerkleHash.Size)
            throw new FormatException($"{what} is {hash.Length} bytes, not {MerkleHash.Size}");
        return hash;
    }
}
