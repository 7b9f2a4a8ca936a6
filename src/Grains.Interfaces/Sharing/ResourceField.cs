namespace CaseGrains.Sharing;

public sealed record ResourceField(string Name, FieldType Type, bool Required);
