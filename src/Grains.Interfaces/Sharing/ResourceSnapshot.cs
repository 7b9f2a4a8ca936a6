namespace CaseGrains.Sharing;

/// <summary>The records one department last shared for one resource, each as field name to normalized text.</summary>
public sealed record ResourceSnapshot(
    string Resource,
    string Department,
    string BatchId,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Records);
