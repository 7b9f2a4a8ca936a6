using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// A creditor's own last ballot on a resolution's round, with what it needs to check its receipt (commitment and
/// salt). Only for the creditor itself (or its representative): it reveals the creditor's choice.
/// </summary>
public sealed record OwnBallot(
    string MeetingId,
    string ResolutionId,
    string CreditorId,
    int Round,
    VoteChoice Choice,
    long BallotNumber,
    DateTimeOffset At,
    BallotChannel Channel,
    string CastBy,
    string Commitment,
    string Salt)
{
    public string CaseId { get; init; } = "";

    /// <summary>The position of the ballot's entry in the case ledger: ask for its receipt with it.</summary>
    public long LedgerPosition { get; init; } = -1;
}
