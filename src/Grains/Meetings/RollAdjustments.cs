namespace CaseGrains.Meetings;

/// <summary>What a meeting recorded that changes its roll: the court's provisional amounts, waivers, shareholders.</summary>
public sealed record RollAdjustments(
    IReadOnlyDictionary<string, long> ProvisionalAmounts,
    IReadOnlySet<string> WaivedClaims,
    IReadOnlyDictionary<string, long> Shareholders)
{
    public static readonly RollAdjustments None = new(
        new Dictionary<string, long>(), new HashSet<string>(), new Dictionary<string, long>());
}
