using System.Buffers.Binary;

namespace CaseGrains.Ledger;

/// <summary>
/// One signature line of a signed note: "— &lt;key name&gt; base64(key ID || signature)". <see cref="Signature"/>
/// excludes the four key ID bytes.
/// </summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    /// <summary>The em dash and space that open every signature line.</summary>
    public const string LinePrefix = "\u2014 ";

    /// <summary>The line as it appears in a note, ending in a newline.</summary>
    public string ToLine()
    {
        var bytes = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, KeyId);
        Signature.CopyTo(bytes, 4);
        return $"{LinePrefix}{KeyName} {Convert.ToBase64String(bytes)}\n";
    }

    /// <summary>Parses one line without its newline; throws <see cref="FormatException"/> when it is not a signature line.</summary>
    public static NoteSignature ParseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(LinePrefix, StringComparison.Ordinal))
            throw new FormatException("a signature line starts with an em dash and a space");
        var rest = line[LinePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            throw new FormatException("a signature line has a key name, a space and a signature");
        var name = rest[..space];
        if (!NoteKeys.IsValidName(name))
            throw new FormatException($"'{name}' is not a valid key name");
        var bytes = StrictBase64.Decode(rest[(space + 1)..], "signature");
        if (bytes.Length < 5)
            throw new FormatException("a signature holds a 4-byte key ID and at least one byte");
        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(bytes), bytes[4..]);
    }
}
