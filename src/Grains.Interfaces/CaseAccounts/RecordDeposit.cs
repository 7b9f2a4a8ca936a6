namespace CaseGrains.CaseAccounts;

/// <summary>Money received into the account.</summary>
/// <param name="Source">What the money is for, such as the asset sold.</param>
/// <param name="Reference">The bank's reference of the receipt; one deposit per reference.</param>
public sealed record RecordDeposit(string AdministratorId, long AmountFen, string Source, string Reference);
