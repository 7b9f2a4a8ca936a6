using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// The live "result" message each voter gets when a round of voting closes (the administrator tells voters the
/// result within 3 days of the meeting, Interpretation III of the EBL, art. 11). It carries the voter's own last ballot only.
/// </summary>
public sealed record ResultNotice(
    string MeetingId,
    string ResolutionId,
    string Title,
    int Round,
    VotingClass? RevoteOf,
    bool Passed,
    string Explanation,
    VoteChoice YourChoice,
    long YourBallotNumber,
    DateTimeOffset ClosedAt);
