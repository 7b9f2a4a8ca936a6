namespace CaseGrains.Ledger;

/// <summary>
/// Standard padded base64 (RFC 4648 section 4) that also rejects non-canonical encodings, so that a text which
/// verifies has exactly one spelling.
/// </summary>
internal static class StrictBase64
{
    public static byte[] Decode(string text, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{what} is not base64", e);
        }
        if (!string.Equals(Convert.ToBase64String(bytes), text, StringComparison.Ordinal))
            throw new FormatException($"{what} is not canonical padded base64");
        return bytes;
    }

    public static bool TryDecode(string? text, int expectedLength, out byte[] bytes)
    {
        bytes = [];
        if (text is null)
            return false;
        try
        {
            bytes = Decode(text, "value");
        }
        catch (FormatException)
        {
            return false;
        }
        return bytes.Length == expectedLength;
    }
}
