using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// The minutes of a creditors' meeting, generated from its recorded facts: who convened it, attendance, every step
/// of every resolution with its time, the final numbers and the explained results. Structured data: labels in any
/// language are the reader's business. Never an individual creditor's choice.
/// </summary>
public sealed record MeetingMinutes(
    string MeetingId,
    string CaseId,
    string Title,
    DateTimeOffset StartsAt,
    VotingRuleSet Rules,
    TallyVisibility Visibility,
    string ConvenedBy,
    DateTimeOffset ScheduledAt,
    MinutesAttendance Attendance,
    IReadOnlyList<MinutesResolution> Resolutions,
    IReadOnlyList<MinutesEntry> Entries,
    DateTimeOffset GeneratedAt);

/// <summary>Creditors who checked in, and when the first and the last did.</summary>
public sealed record MinutesAttendance(int CheckedIn, DateTimeOffset? FirstCheckInAt, DateTimeOffset? LastCheckInAt);

/// <summary>A resolution in the minutes: its rounds and the decision they led to.</summary>
public sealed record MinutesResolution(
    string ResolutionId,
    string Title,
    ResolutionKind Kind,
    ResolutionStatus Status,
    IReadOnlyList<MinutesRound> Rounds,
    ResolutionOutcome? Outcome);

/// <summary>
/// One round of voting on a resolution. <see cref="Ballots"/> counts every version (a changed vote is a new
/// version; the last counts); <see cref="ChangedVotes"/> counts creditors who voted more than once.
/// <see cref="Tally"/> and <see cref="Outcome"/> are set once the round closed.
/// </summary>
public sealed record MinutesRound(
    int Round,
    VotingClass? RevoteOf,
    DateTimeOffset OpenedAt,
    string OpenedBy,
    int VotersOnRoll,
    DateTimeOffset? ScheduledCloseAt,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    bool ClosedOnSchedule,
    int Ballots,
    int OnlineBallots,
    int ProxyBallots,
    int PaperBallots,
    int Voters,
    int ChangedVotes,
    DateTimeOffset? FirstBallotAt,
    DateTimeOffset? LastBallotAt,
    TallyView? Tally,
    ResolutionOutcome? Outcome,
    DateTimeOffset? ResultNotifiedAt,
    int VotersNotified);

/// <summary>
/// One recorded step, in order: scheduling, provisional amounts, waivers, shareholders, powers of attorney, paper
/// ballots (without their choice), openings, closings, result notices. Ordinary ballots and check-ins are summed up
/// in <see cref="MinutesRound"/> and <see cref="MinutesAttendance"/> instead.
/// </summary>
/// <param name="Event">The ledger kind of the fact, e.g. <c>voting.opened</c>.</param>
/// <param name="Details">Named values of the step (amounts in fen, hashes, counts), as text.</param>
public sealed record MinutesEntry(
    DateTimeOffset At,
    string Event,
    string Actor,
    string? ResolutionId,
    IReadOnlyDictionary<string, string> Details);
