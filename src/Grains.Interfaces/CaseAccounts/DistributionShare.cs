namespace CaseGrains.CaseAccounts;

/// <summary>One payee's weight in a distribution the administrator lists by hand.</summary>
/// <param name="WeightFen">What the payee is owed in the class paid: the distribution is split in proportion to it.</param>
public sealed record DistributionShare(string PayeeId, long WeightFen);
