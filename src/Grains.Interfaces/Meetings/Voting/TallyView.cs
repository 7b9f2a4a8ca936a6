namespace CaseGrains.Meetings.Voting;

/// <summary>Live numbers of a vote in progress. Aggregates only: never who voted how.</summary>
/// <param name="VotesRecorded">Creditors with a ballot on record (a changed ballot counts once).</param>
/// <param name="UnsecuredDenominatorFen">
/// For a resolution of the whole meeting under the EBL: all unsecured claims with a vote in the case, present or
/// not (EBL 64(1), 97). Null for a reorganization plan and under Chapter 11.
/// </param>
public sealed record TallyView(
    ResolutionKind Kind,
    VotingRuleSet Rules,
    VotingClass? RevoteOf,
    int VotesRecorded,
    long? UnsecuredDenominatorFen,
    IReadOnlyList<ClassTally> Classes);
