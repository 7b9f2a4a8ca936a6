namespace CaseGrains.Load.Departments;

/// <summary>What a tax-burst run found in the stored claims: declarations acknowledged, missing, stored twice; resends and those answered otherwise.</summary>
public sealed record TaxBurstOutcome(long Acknowledged, long Missing, long Duplicates, long Resent, long ResentOtherClaim);
