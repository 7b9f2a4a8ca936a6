namespace CaseGrains.CaseAccounts;

/// <summary>The case's administrator withdraws a transfer that still waits for the judge; its held amount is released.</summary>
public sealed record CancelTransfer(string TransferId, string AdministratorId, string? Reason);
