namespace CaseGrains.CaseAccounts;

/// <summary>
/// The limits the court sets when the account opens, in fen. A transfer is within a limit when it does not go over
/// it (a transfer of exactly the limit is within); 0 means every transfer needs the judge.
/// </summary>
/// <param name="PerTransferFen">The most one transfer (or one distribution batch) may move.</param>
/// <param name="PerDayFen">The most that may leave the account on one court day (Asia/Shanghai).</param>
/// <param name="CumulativeFen">The most that may leave the account in all.</param>
public sealed record AccountLimits(long PerTransferFen, long PerDayFen, long CumulativeFen);
