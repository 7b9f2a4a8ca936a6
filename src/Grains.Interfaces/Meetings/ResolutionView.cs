using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>A resolution with its tally and, once closed, its explained outcome.</summary>
/// <param name="Tally">The tally of the current round, or null where the viewer may not see it.</param>
/// <param name="Outcome">The decision so far: the first vote, combined with any class's further vote (EBL 87(1)).</param>
/// <param name="ClosesAt">When the open round closes by itself, if it does.</param>
/// <param name="Round">0 for the vote of the whole meeting; 1, 2, … for each further vote of a rejecting class.</param>
/// <param name="RevoteOf">The class voting again in the current round, or null.</param>
/// <param name="RoundOutcomes">The outcome of every closed round in order, each as counted on its own.</param>
public sealed record ResolutionView(
    string ResolutionId,
    string Title,
    ResolutionKind Kind,
    ResolutionStatus Status,
    TallyView? Tally,
    ResolutionOutcome? Outcome,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    int Round,
    VotingClass? RevoteOf,
    IReadOnlyList<ResolutionOutcome> RoundOutcomes);
