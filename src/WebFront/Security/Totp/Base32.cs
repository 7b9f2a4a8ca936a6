namespace CaseGrains.Security.Totp;

/// <summary>RFC 4648 section 6 Base32 (alphabet A-Z 2-7), the encoding authenticator apps expect for secrets.</summary>
public static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Encodes <paramref name="data"/>; <paramref name="pad"/> adds the '=' padding to a multiple of 8 characters.</summary>
    /// <remarks>otpauth:// URIs leave the padding out.</remarks>
    public static string Encode(ReadOnlySpan<byte> data, bool pad = true)
    {
        var length = (data.Length * 8 + 4) / 5;
        var padded = pad ? (length + 7) / 8 * 8 : length;
        var chars = new char[padded];

        int buffer = 0, bits = 0, n = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[n++] = Alphabet[(buffer >> bits) & 0x1F];
            }
        }

        if (bits > 0)
        {
            chars[n++] = Alphabet[(buffer << (5 - bits)) & 0x1F];
        }

        while (n < padded)
        {
            chars[n++] = '=';
        }

        return new string(chars);
    }

    /// <summary>
    /// Decodes Base32 text, with or without padding, in either case, ignoring spaces and hyphens people put in to
    /// group a secret for reading.
    /// </summary>
    /// <exception cref="FormatException">A character outside the alphabet, a length no encoder produces, or
    /// leftover bits that are not zero (so that every byte string has exactly one encoding).</exception>
    public static byte[] Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var symbols = new List<int>(text.Length);
        var padding = 0;
        foreach (var c in text)
        {
            if (c is ' ' or '-')
            {
                continue;
            }

            if (c == '=')
            {
                padding++;
                continue;
            }

            if (padding > 0)
            {
                throw new FormatException("Base32 padding may only come at the end.");
            }

            var value = Alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }

            symbols.Add(value);
        }

        // 1, 3 and 6 leftover symbols cannot come from whole bytes.
        if (symbols.Count % 8 is 1 or 3 or 6)
        {
            throw new FormatException("Base32 text has a length no encoder produces.");
        }

        if (padding > 0 && (symbols.Count + padding) % 8 != 0)
        {
            throw new FormatException("Base32 padding does not fill the last group of 8.");
        }

        var bytes = new byte[symbols.Count * 5 / 8];
        int buffer = 0, bits = 0, n = 0;
        foreach (var symbol in symbols)
        {
            buffer = (buffer << 5) | symbol;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[n++] = (byte)(buffer >> bits);
            }
        }

        if ((buffer & ((1 << bits) - 1)) != 0)
        {
            throw new FormatException("Base32 text has non-zero bits after the last byte.");
        }

        return bytes;
    }
}
