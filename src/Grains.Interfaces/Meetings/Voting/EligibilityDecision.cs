namespace CaseGrains.Meetings.Voting;

/// <summary>
/// Whether a creditor may vote on a resolution, in which classes and with what amounts. Each creditor counts once
/// by head in every class it has a weight in. <see cref="Reason"/> says why not when it cannot vote;
/// <see cref="Notes"/> lists claims that do not count, or count only in part, and why.
/// </summary>
public sealed record EligibilityDecision(
    string CreditorId,
    bool CanVote,
    IReadOnlyList<ClassWeight> Weights,
    string? Reason,
    IReadOnlyList<string> Notes);
