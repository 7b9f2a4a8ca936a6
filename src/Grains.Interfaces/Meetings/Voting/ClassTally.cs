namespace CaseGrains.Meetings.Voting;

/// <summary>
/// Live aggregate numbers of one voting class, or of the whole meeting when <see cref="Class"/> is null.
/// Heads count creditors present (checked in or voted); no individual vote is disclosed.
/// </summary>
/// <param name="Members">Creditors with a vote in this class, present or not.</param>
/// <param name="TotalFen">The class total (EBL 84(2)) or, for a resolution of the whole meeting, the amount denominator.</param>
public sealed record ClassTally(
    VotingClass? Class,
    int Members,
    int HeadsPresent,
    int HeadsFor,
    int HeadsAgainst,
    int HeadsAbstain,
    long AmountForFen,
    long AmountAgainstFen,
    long AmountAbstainFen,
    long TotalFen);
