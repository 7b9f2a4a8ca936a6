namespace CaseGrains.MachineApi.Signatures;

/// <summary>Reads and writes the Signature-Input and Signature fields (RFC 9421 section 4): dictionaries keyed by signature label.</summary>
public static class SignatureFields
{
    public const string SignatureInputHeader = "Signature-Input";
    public const string SignatureHeader = "Signature";

    /// <summary>One member of Signature-Input: <c>label=("@method" ...);created=...</c>.</summary>
    public static string FormatSignatureInput(string label, SignatureParameters parameters)
    {
        CheckLabel(label);
        ArgumentNullException.ThrowIfNull(parameters);
        return $"{label}={parameters.Serialize()}";
    }

    /// <summary>One member of Signature: <c>label=:base64:</c>.</summary>
    public static string FormatSignature(string label, ReadOnlySpan<byte> signature)
    {
        CheckLabel(label);
        return $"{label}={StructuredFields.SerializeByteSequence(signature)}";
    }

    /// <summary>Every signature's parameters, by label, in field order.</summary>
    /// <exception cref="FormatException">Not a dictionary of inner lists of strings.</exception>
    /// <exception cref="SignatureException">A component with component parameters.</exception>
    public static IReadOnlyList<KeyValuePair<string, SignatureParameters>> ParseSignatureInput(string fieldValue) =>
        [.. StructuredFields.ParseDictionary(fieldValue).Select(member => member.Value is StructuredFields.InnerList list
            ? new KeyValuePair<string, SignatureParameters>(member.Key, SignatureParameters.FromInnerList(list))
            : throw new FormatException($"Signature-Input member {member.Key} is not an inner list."))];

    /// <summary>Every signature's bytes, by label, in field order.</summary>
    /// <exception cref="FormatException">Not a dictionary of byte sequences.</exception>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> ParseSignature(string fieldValue) =>
        [.. StructuredFields.ParseDictionary(fieldValue).Select(member => member.Value is StructuredFields.Item { Value: byte[] bytes }
            ? new KeyValuePair<string, byte[]>(member.Key, bytes)
            : throw new FormatException($"Signature member {member.Key} is not a byte sequence."))];

    private static void CheckLabel(string label)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        var valid = (char.IsAsciiLetterLower(label[0]) || label[0] == '*')
            && label.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '.' or '*');
        if (!valid)
        {
            throw new ArgumentException($"'{label}' is not a structured-field key.", nameof(label));
        }
    }
}
