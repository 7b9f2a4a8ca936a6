namespace CaseGrains.CaseAccounts;

/// <summary>The judge approves or rejects a transfer waiting for them; a rejection gives its reason.</summary>
public sealed record DecideTransfer(string TransferId, string JudgeId, string? Reason);
