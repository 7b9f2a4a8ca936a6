namespace CaseGrains.Sharing;

/// <summary>One field of one record that changed between two batches; null where the field was absent.</summary>
public sealed record FieldChange(string Key, string Field, string? Before, string? After);
