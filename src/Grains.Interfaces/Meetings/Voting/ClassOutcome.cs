namespace CaseGrains.Meetings.Voting;

/// <summary>Whether one voting class accepted a reorganization plan (EBL 84(2)), and on which tests.</summary>
/// <param name="IsRevote">The result comes from the one further vote of a class that first rejected (EBL 87(1)).</param>
public sealed record ClassOutcome(VotingClass Class, bool Accepted, bool IsRevote, IReadOnlyList<ThresholdCheck> Checks);
