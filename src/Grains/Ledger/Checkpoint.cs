using System.Globalization;
using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// The body of a checkpoint (https://c2sp.org/tlog-checkpoint): origin line, decimal tree size, base64 root hash,
/// then optional non-empty extension lines, each ending in a newline.
/// </summary>
public sealed record Checkpoint
{
    public Checkpoint(string origin, long size, byte[] rootHash, IReadOnlyList<string>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(rootHash);
        if (origin.Length == 0 || origin.Contains('\n', StringComparison.Ordinal))
            throw new ArgumentException("the origin is one non-empty line", nameof(origin));
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (rootHash.Length != MerkleHash.Size)
            throw new ArgumentException($"a root hash is {MerkleHash.Size} bytes", nameof(rootHash));
        extensions ??= [];
        foreach (var line in extensions)
        {
            if (string.IsNullOrEmpty(line) || line.Contains('\n', StringComparison.Ordinal))
                throw new ArgumentException("extension lines are single non-empty lines", nameof(extensions));
        }
        Origin = origin;
        Size = size;
        RootHash = rootHash;
        Extensions = extensions;
    }

    public string Origin { get; }

    public long Size { get; }

    public byte[] RootHash { get; }

    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The note text to sign.</summary>
    public string Format()
    {
        var builder = new StringBuilder();
        builder.Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        foreach (var line in Extensions)
            builder.Append(line).Append('\n');
        return builder.ToString();
    }

    public override string ToString() => Format();

    /// <summary>Signs the checkpoint with the log key and returns the signed note text.</summary>
    public string Sign(NoteSigner signer) => SignedNote.Sign(Format(), signer).Format();

    /// <summary>Parses checkpoint note text (without signatures); throws <see cref="FormatException"/>.</summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
            throw new FormatException("checkpoint text ends with a newline");
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3)
            throw new FormatException("a checkpoint has an origin, a size and a root hash line");
        if (lines[0].Length == 0)
            throw new FormatException("the checkpoint origin is empty");
        var sizeText = lines[1];
        if (sizeText.Length == 0 || (sizeText.Length > 1 && sizeText[0] == '0') || !sizeText.All(char.IsAsciiDigit)
            || !long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            throw new FormatException($"'{sizeText}' is not a tree size (decimal, no leading zeroes)");
        var root = StrictBase64.Decode(lines[2], "root hash");
        if (root.Length != MerkleHash.Size)
            throw new FormatException($"the root hash is {root.Length} bytes, not {MerkleHash.Size}");
        var extensions = lines[3..];
        if (extensions.Any(line => line.Length == 0))
            throw new FormatException("checkpoint extension lines are non-empty");
        return new Checkpoint(lines[0], size, root, extensions);
    }

    public bool Equals(Checkpoint? other) =>
        other is not null && Origin == other.Origin && Size == other.Size
        && RootHash.AsSpan().SequenceEqual(other.RootHash) && Extensions.SequenceEqual(other.Extensions);

    public override int GetHashCode() => HashCode.Combine(Origin, Size, Convert.ToBase64String(RootHash));
}
