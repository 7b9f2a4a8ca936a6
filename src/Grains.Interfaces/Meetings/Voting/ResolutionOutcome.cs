namespace CaseGrains.Meetings.Voting;

/// <summary>
/// The exact result of a vote. <see cref="Checks"/> lists every test applied (for a plan, every class's tests);
/// <see cref="Classes"/> is filled only for a reorganization plan. <see cref="Explanation"/> states the result and,
/// on failure, what the law does next (EBL 65, 87, 88, 99).
/// </summary>
/// <param name="RevoteOf">Set when this is the further vote of a single class under EBL 87(1).</param>
public sealed record ResolutionOutcome(
    ResolutionKind Kind,
    VotingRuleSet Rules,
    bool Passed,
    IReadOnlyList<ThresholdCheck> Checks,
    IReadOnlyList<ClassOutcome> Classes,
    VotingClass? RevoteOf,
    string Explanation);
