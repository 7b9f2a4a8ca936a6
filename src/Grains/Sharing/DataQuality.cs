using System.Globalization;
using System.Text.Json;
using CaseGrains.Claims;
using CaseGrains.Identity;

namespace CaseGrains.Sharing;

/// <summary>
/// The quality checks on import the sharing standard asks for: format, missing values, unknown fields and conflicts
/// (two records with one key). A record that fails is not kept; the batch's report names the field and the reason.
/// Kept records come out normalized: every value as text (fen and counts as invariant integers, flags as true/false).
/// </summary>
public static class DataQuality
{
    public const int MaxRecords = 5_000;
    public const int MaxTextLength = 200;

    public static (List<IReadOnlyDictionary<string, string>> Kept, List<RecordProblem> Problems) Check(
        CatalogueResource resource, IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> records)
    {
        var kept = new List<IReadOnlyDictionary<string, string>>(records.Count);
        var problems = new List<RecordProblem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var key = record is not null && record.TryGetValue(resource.KeyField, out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            var problem = record is null ? ("record", "The record is missing.") : CheckRecord(resource, record);
            if (problem is null && !keys.Add(key!)) problem = (resource.KeyField, $"Another record of this batch has the key {key}.");
            if (problem is { } p) problems.Add(new RecordProblem(i, key, p.Field, p.Reason));
            else kept.Add(Normalize(resource, record!));
        }
        return (kept, problems);
    }

    private static (string Field, string Reason)? CheckRecord(CatalogueResource resource, IReadOnlyDictionary<string, JsonElement> record)
    {
        foreach (var name in record.Keys)
            if (resource.Fields.All(f => f.Name != name)) return (name, $"{resource.Code} has no field {name}.");
        foreach (var field in resource.Fields)
        {
            if (!record.TryGetValue(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (field.Required) return (field.Name, "The field is required.");
                continue;
            }
            if (Text(field.Type, value) is null) return (field.Name, Expected(field.Type));
        }
        return null;
    }

    private static IReadOnlyDictionary<string, string> Normalize(CatalogueResource resource, IReadOnlyDictionary<string, JsonElement> record)
    {
        var normalized = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in resource.Fields)
            if (record.TryGetValue(field.Name, out var value) && value.ValueKind != JsonValueKind.Null)
                normalized[field.Name] = Text(field.Type, value)!;
        return normalized;
    }

    /// <summary>The value as normalized text, or null when it is not of the type.</summary>
    private static string? Text(FieldType type, JsonElement value) => type switch
    {
        FieldType.Text when value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 and <= MaxTextLength } text => text,
        FieldType.Date when value.ValueKind == JsonValueKind.String
                            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
            date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldType.Fen when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var fen) && fen is >= 0 and <= ClaimRules.MaxFen =>
            fen.ToString(CultureInfo.InvariantCulture),
        FieldType.Count when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count >= 0 =>
            count.ToString(CultureInfo.InvariantCulture),
        FieldType.Flag when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean() ? "true" : "false",
        FieldType.CreditCode when value.ValueKind == JsonValueKind.String && UnifiedSocialCreditCode.IsValid(value.GetString()) => value.GetString(),
        _ => null,
    };

    private static string Expected(FieldType type) => type switch
    {
        FieldType.Text => $"Expected text of 1 to {MaxTextLength} characters.",
        FieldType.Date => "Expected a date yyyy-MM-dd.",
        FieldType.Fen => "Expected a whole number of fen, 0 or more.",
        FieldType.Count => "Expected a whole number, 0 or more.",
        FieldType.Flag => "Expected true or false.",
        FieldType.CreditCode => "Expected an 18-character unified social credit code with a valid check character.",
        _ => "Unexpected value.",
    };
}
