namespace CaseGrains.CaseAccounts;

public sealed record DepositView(
    string DepositId,
    long AmountFen,
    string Source,
    string Reference,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    long BalanceAfterFen);
