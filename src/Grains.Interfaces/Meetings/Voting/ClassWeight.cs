namespace CaseGrains.Meetings.Voting;

/// <summary>The amount a creditor votes with in one class, or in the whole meeting when <see cref="Class"/> is null.</summary>
public sealed record ClassWeight(VotingClass? Class, long AmountFen);
