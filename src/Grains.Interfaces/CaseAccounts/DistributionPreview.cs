namespace CaseGrains.CaseAccounts;

/// <summary>What a distribution would do if paid now.</summary>
/// <param name="ExceededLimits">The limits it would go over, so that it would wait for the judge; empty when it would execute at once.</param>
/// <param name="AvailableFen">What the account can pay now.</param>
public sealed record DistributionPreview(long TotalFen, DistributionPlan Plan, IReadOnlyList<TransferLimit> ExceededLimits, long AvailableFen);
