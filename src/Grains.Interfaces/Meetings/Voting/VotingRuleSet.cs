namespace CaseGrains.Meetings.Voting;

/// <summary>Which law counts the votes.</summary>
public enum VotingRuleSet
{
    /// <summary>PRC Enterprise Bankruptcy Law (2006): EBL 59, 64, 82-87, 97.</summary>
    PrcEbl,
    /// <summary>US Chapter 11 acceptance, 11 U.S.C. 1126(c) and (d); for comparison.</summary>
    UsChapter11,
}
