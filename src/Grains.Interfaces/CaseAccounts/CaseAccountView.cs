namespace CaseGrains.CaseAccounts;

/// <summary>The case account as the judge and the administrator see it.</summary>
/// <param name="AccountNumberMasked">The number as shown to anyone else (last four digits).</param>
/// <param name="ReservedFen">Held for transfers waiting for the judge.</param>
/// <param name="AvailableFen">What a new transfer may take: the balance less what is held.</param>
/// <param name="CourtDay">Today in the court's time (Asia/Shanghai), the day <paramref name="PaidTodayFen"/> counts.</param>
/// <param name="PaidTotalFen">Everything paid out so far, what the cumulative limit counts.</param>
public sealed record CaseAccountView(
    string CaseId,
    string AccountName,
    string AccountNumber,
    string AccountNumberMasked,
    string BankName,
    AccountLimits Limits,
    long BalanceFen,
    long ReservedFen,
    long AvailableFen,
    long DepositedTotalFen,
    DateOnly CourtDay,
    long PaidTodayFen,
    long PaidTotalFen,
    string OpenedBy,
    DateTimeOffset OpenedAt,
    int Deposits,
    int Transfers,
    IReadOnlyList<PendingApproval> PendingApprovals);
