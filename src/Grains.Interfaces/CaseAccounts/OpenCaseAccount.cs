namespace CaseGrains.CaseAccounts;

/// <summary>The judge registers the case's account at the bank and sets its limits.</summary>
public sealed record OpenCaseAccount(string JudgeId, string AccountName, string AccountNumber, string BankName, AccountLimits Limits);
