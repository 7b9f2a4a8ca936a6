namespace CaseGrains.Claims;

/// <summary>
/// The claim list of a case (债权表, EBL 57): every claim that was not withdrawn, in declaration order, with totals
/// by priority class. Confirmed amounts feed the voting weights of creditors' meetings.
/// </summary>
public sealed record ClaimListView(
    string CaseId,
    string CaseNumber,
    string DebtorName,
    DateTimeOffset AsOf,
    IReadOnlyList<ClaimListRow> Rows,
    IReadOnlyList<ClaimClassTotal> Totals,
    ClaimClassTotal Overall);
