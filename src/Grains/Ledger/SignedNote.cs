using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// A signed note (https://c2sp.org/signed-note): UTF-8 text ending in a newline, a blank line, then one or more
/// signature lines. <see cref="Text"/> includes its final newline but not the blank line.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>More than the 16 the spec requires every verifier to accept; bounds the work an untrusted note causes.</summary>
    public const int MaxSignatures = 64;

    /// <summary>Bounds the size of an untrusted note before any parsing.</summary>
    public const int MaxLength = 64 * 1024;

    public static SignedNote Sign(string text, NoteSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        RequireValidText(text);
        return new SignedNote(text, [signer.Sign(text)]);
    }

    /// <summary>The same note with one more signature line, e.g. a witness's cosignature.</summary>
    public SignedNote WithSignature(NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return this with { Signatures = [.. Signatures, signature] };
    }

    /// <summary>
    /// signed-note's rule for one trusted key: signatures by other keys are ignored, at least one signature by the
    /// key (name and key ID both matching) must be present, and every such signature must verify.
    /// </summary>
    public bool IsVerifiedBy(NoteVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var found = false;
        foreach (var signature in Signatures)
        {
            if (!verifier.Matches(signature))
                continue;
            if (!verifier.Verify(Text, signature))
                return false;
            found = true;
        }
        return found;
    }

    public string Format()
    {
        var builder = new StringBuilder(Text.Length + 1 + Signatures.Count * 120);
        builder.Append(Text).Append('\n');
        foreach (var signature in Signatures)
            builder.Append(signature.ToLine());
        return builder.ToString();
    }

    public override string ToString() => Format();

    /// <summary>Parses a note; throws <see cref="FormatException"/> when it breaks the signed-note format.</summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Length > MaxLength)
            throw new FormatException($"a note longer than {MaxLength} characters is refused");
        RequireNoControlCharacters(note);
        if (!note.EndsWith('\n'))
            throw new FormatException("a signed note ends with a newline");
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
            throw new FormatException("a signed note has a blank line between its text and its signatures");
        if (split + 2 == note.Length)
            throw new FormatException("a signed note has at least one signature line");
        var text = note[..(split + 1)];
        var lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length > MaxSignatures)
            throw new FormatException($"a note with more than {MaxSignatures} signatures is refused");
        var signatures = new List<NoteSignature>(lines.Length);
        foreach (var line in lines)
            signatures.Add(NoteSignature.ParseLine(line));
        return new SignedNote(text, signatures);
    }

    public static bool TryParse(string? note, out SignedNote? parsed)
    {
        parsed = null;
        if (note is null)
            return false;
        try
        {
            parsed = Parse(note);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    internal static void RequireValidText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || !text.EndsWith('\n'))
            throw new FormatException("note text is non-empty and ends with a newline");
        RequireNoControlCharacters(text);
    }

    private static void RequireNoControlCharacters(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 && c != '\n')
                throw new FormatException("a signed note contains no control characters other than newline");
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                throw new FormatException("a signed note is valid UTF-8: it has no unpaired surrogates");
        }
    }
}
