using CaseGrains.MachineApi.Signatures;

namespace CaseGrains.WebFront.MachineApi.Idempotency;

/// <summary>
/// The Idempotency-Key request field: an RFC 8941 item whose value is a string, such as
/// <c>Idempotency-Key: "8e03978e-40d5-43e8-bc93-6894a57f9324"</c>.
/// </summary>
public static class IdempotencyKeyHeader
{
    public const string Name = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>The key, or null with the reason when the field value is not a usable key.</summary>
    public static string? Parse(string? fieldValue, out string problem)
    {
        problem = "";
        StructuredFields.Item item;
        try
        {
            item = StructuredFields.ParseItem(fieldValue ?? "");
        }
        catch (FormatException)
        {
            problem = "Idempotency-Key must be a quoted string, e.g. Idempotency-Key: \"8e03978e-40d5-43e8-bc93-6894a57f9324\".";
            return null;
        }
        if (item.Value is not string key)
        {
            problem = "Idempotency-Key must be a string, in double quotes.";
            return null;
        }
        if (key.Length is 0 or > MaxLength)
        {
            problem = $"Idempotency-Key must be 1 to {MaxLength} characters; a UUID is a good choice.";
            return null;
        }
        return key;
    }
}
