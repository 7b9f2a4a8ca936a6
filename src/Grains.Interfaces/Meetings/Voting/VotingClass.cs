namespace CaseGrains.Meetings.Voting;

/// <summary>Voting class of a reorganization plan (EBL 82, 85).</summary>
public enum VotingClass
{
    /// <summary>Claims secured on specific property of the debtor, up to the value of the collateral (EBL 82(1)(1)).</summary>
    Secured,
    /// <summary>Employee claims (EBL 82(1)(2)).</summary>
    Employee,
    /// <summary>
    /// Taxes owed (EBL 82(1)(3)). Social insurance outside employees' own accounts may not be reduced by the plan and
    /// its holder does not vote (EBL 83): mark such a claim <see cref="VoterClaim.IsSocialInsurance"/>.
    /// </summary>
    Tax,
    /// <summary>Ordinary claims, including the uncovered part of secured claims (EBL 82(1)(4)).</summary>
    Ordinary,
    /// <summary>Ordinary creditors whose ordinary claims total at most a threshold set by the court (EBL 82(2)).</summary>
    SmallAmountOrdinary,
    /// <summary>Shareholders (出资人组), set up when the plan adjusts their equity (EBL 85(2)).</summary>
    Shareholder,
}
