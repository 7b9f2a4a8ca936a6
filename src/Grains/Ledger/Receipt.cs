using System.Globalization;
using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// An offline-verifiable receipt that an entry is in a case's ledger, in the https://c2sp.org/tlog-proof format:
/// <code>
/// c2sp.org/tlog-proof@v1
/// extra &lt;base64 extra data&gt;      (optional line)
/// index &lt;decimal leaf index&gt;
/// &lt;base64 inclusion proof hash&gt;  (zero or more lines, leaf's sibling first)
///
/// &lt;signed checkpoint, verbatim&gt;
/// </code>
/// CaseGrains puts the entry's canonical bytes (<see cref="LedgerEntry.Encoded"/>) in the extra data, so that a
/// receipt alone proves what was logged; the extra data is authenticated only by the inclusion proof.
/// </summary>
public sealed record Receipt(long Index, IReadOnlyList<byte[]> InclusionProof, string SignedCheckpoint, byte[]? Extra = null)
{
    public const string Header = "c2sp.org/tlog-proof@v1";

    /// <summary>
    /// Builds the receipt for leaf <paramref name="index"/> against a signed checkpoint of <paramref name="tree"/>;
    /// refuses a checkpoint whose root is not the tree's root at that size.
    /// </summary>
    public static Receipt Create(MerkleTree tree, long index, SignedCheckpoint checkpoint, byte[]? extra = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(checkpoint);
        if (!tree.RootAt(checkpoint.Size).AsSpan().SequenceEqual(checkpoint.RootHash))
            throw new ArgumentException("the checkpoint's root is not this tree's root at its size", nameof(checkpoint));
        return new Receipt(index, tree.InclusionProof(index, checkpoint.Size), checkpoint.Format(), extra);
    }

    public string Format()
    {
        var builder = new StringBuilder();
        builder.Append(Header).Append('\n');
        if (Extra is not null)
            builder.Append("extra ").Append(Convert.ToBase64String(Extra)).Append('\n');
        builder.Append("index ").Append(Index.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in InclusionProof)
            builder.Append(Convert.ToBase64String(hash)).Append('\n');
        builder.Append('\n').Append(SignedCheckpoint);
        return builder.ToString();
    }

    public override string ToString() => Format();

    /// <summary>Parses a receipt, including its checkpoint's signed-note form; throws <see cref="FormatException"/>. Does not verify.</summary>
    public static Receipt Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > Ledger.SignedNote.MaxLength + 16 * 1024)
            throw new FormatException("the receipt is too long");
        var at = 0;
        if (NextLine(text, ref at) != Header)
            throw new FormatException($"a receipt starts with the line {Header}");
        var line = NextLine(text, ref at);
        byte[]? extra = null;
        if (line.StartsWith("extra ", StringComparison.Ordinal))
        {
            extra = StrictBase64.Decode(line["extra ".Length..], "extra data");
            line = NextLine(text, ref at);
        }
        if (!line.StartsWith("index ", StringComparison.Ordinal))
            throw new FormatException("a receipt has an 'index N' line after its header");
        var indexText = line["index ".Length..];
        if (indexText.Length == 0 || (indexText.Length > 1 && indexText[0] == '0') || !indexText.All(char.IsAsciiDigit)
            || !long.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            throw new FormatException($"'{indexText}' is not a leaf index (decimal, no leading zeroes)");

        var proof = new List<byte[]>();
        while ((line = NextLine(text, ref at)).Length != 0)
        {
            if (proof.Count == ProofHashes.MaxCount)
                throw new FormatException($"an inclusion proof has at most {ProofHashes.MaxCount} hashes");
            proof.Add(ProofHashes.ParseHash(line, $"inclusion proof hash {proof.Count}"));
        }
        var checkpoint = text[at..];
        Ledger.SignedCheckpoint.Parse(checkpoint);
        return new Receipt(index, proof, checkpoint, extra);
    }

    private static string NextLine(string text, ref int at)
    {
        var end = text.IndexOf('\n', at);
        if (end < 0)
            throw new FormatException("the receipt ends before its checkpoint");
        var line = text[at..end];
        at = end + 1;
        return line;
    }
}
