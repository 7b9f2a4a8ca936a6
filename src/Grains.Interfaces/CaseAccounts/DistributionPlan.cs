using CaseGrains.Claims;

namespace CaseGrains.CaseAccounts;

/// <summary>How a distribution batch splits its total; the lines' amounts add up to the total exactly.</summary>
/// <param name="Class">The class paid from the claim list, or null when the shares were listed by hand.</param>
/// <param name="Round">The distribution round it pays: claims joining later rounds (late declarations, EBL 56) are left out.</param>
public sealed record DistributionPlan(ClaimClass? Class, int Round, bool Final, long WeightTotalFen, IReadOnlyList<DistributionLine> Lines);
