namespace CaseGrains.CaseAccounts;

/// <summary>The administrator moves money out of the account.</summary>
public sealed record RequestTransfer(string AdministratorId, Payee Payee, long AmountFen, string Purpose);
