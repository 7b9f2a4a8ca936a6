namespace CaseGrains.Sharing;

/// <summary>How a batch differs from what the same department shared before for the same resource, by record key.</summary>
public sealed record DataDifferences(IReadOnlyList<string> Added, IReadOnlyList<FieldChange> Changed, IReadOnlyList<string> Removed)
{
    public static readonly DataDifferences None = new([], [], []);
}
