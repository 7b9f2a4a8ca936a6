namespace CaseGrains.Claims.Rules;

/// <summary>A tax declaration split into the part paid with priority and the parts paid after it.</summary>
public sealed record TaxClaimSplitResult(long PriorityFen, long OrdinaryFen, long SubordinatedFen, IReadOnlyList<TaxLineOutcome> Lines)
{
    public long TotalFen => PriorityFen + OrdinaryFen + SubordinatedFen;
}
