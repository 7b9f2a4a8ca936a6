using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>A resolution with its tally and, once closed, its explained outcome.</summary>
public sealed record ResolutionView(
    string ResolutionId,
    string Title,
    ResolutionKind Kind,
    ResolutionStatus Status,
    TallyView? Tally,
    ResolutionOutcome? Outcome);
