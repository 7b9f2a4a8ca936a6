namespace CaseGrains.Meetings.Voting;

/// <summary>A voter's ballot on one resolution. Only <see cref="For"/> counts towards adoption.</summary>
public enum VoteChoice
{
    For,
    Against,
    /// <summary>
    /// Under the EBL an abstaining creditor is present and so counts in the head denominator without agreeing
    /// (EBL 64, 84). Under 11 U.S.C. 1126(c) an abstention is neither an acceptance nor a rejection and is left out.
    /// </summary>
    Abstain,
}
