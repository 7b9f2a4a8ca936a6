using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>The administrator (or the court, for the first meeting, EBL 62) convenes a creditors' meeting.</summary>
public sealed record ScheduleMeeting(
    string CaseId,
    string Title,
    DateTimeOffset StartsAt,
    IReadOnlyList<ResolutionDraft> Agenda,
    VotingRuleSet Rules,
    TallyVisibility Visibility,
    string ConvenedBy);
