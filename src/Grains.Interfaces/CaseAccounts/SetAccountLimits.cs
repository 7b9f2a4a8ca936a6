namespace CaseGrains.CaseAccounts;

/// <summary>The case's judge changes the account's limits (raising or lowering them), with an optional reason.</summary>
public sealed record SetAccountLimits(string JudgeId, AccountLimits Limits, string? Reason);
