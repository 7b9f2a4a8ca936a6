using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

public sealed record MeetingView(
    string MeetingId,
    string CaseId,
    string Title,
    DateTimeOffset StartsAt,
    VotingRuleSet Rules,
    TallyVisibility Visibility,
    int CheckedIn,
    IReadOnlyList<ResolutionView> Resolutions);
