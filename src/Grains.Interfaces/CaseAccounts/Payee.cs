namespace CaseGrains.CaseAccounts;

/// <summary>Who a single transfer pays.</summary>
/// <param name="CreditorId">The creditor paid, when the payee is one.</param>
public sealed record Payee(string Name, string AccountNumber, string? BankName = null, string? CreditorId = null);
