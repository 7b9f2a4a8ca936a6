namespace CaseGrains.Meetings.Voting;

/// <summary>Voting class of a reorganization plan (EBL 82, 85).</summary>
public enum VotingClass
{
    /// <summary>Claims secured on specific property of the debtor, up to the value of the collateral (EBL 82(1)(1)).</summary>
    Secured,
    /// <summary>Employee claims (EBL 82(1)(2)).</summary>
    Employee,
    /// <summary>Taxes owed, with the social insurance the plan may reduce (EBL 82(1)(3), 83).</summary>
    Tax,
    /// <summary>Ordinary claims, including the uncovered part of secured claims (EBL 82(1)(4)).</summary>
    Ordinary,
    /// <summary>Ordinary creditors whose ordinary claims total at most a threshold set by the court (EBL 82(2)).</summary>
    SmallAmountOrdinary,
    /// <summary>Shareholders (出资人组), set up when the plan adjusts their equity (EBL 85(2)).</summary>
    Shareholder,
}
