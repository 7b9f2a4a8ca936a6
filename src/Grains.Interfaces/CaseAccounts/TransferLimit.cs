namespace CaseGrains.CaseAccounts;

/// <summary>A limit of the account that a transfer can go over.</summary>
public enum TransferLimit
{
    PerTransfer,
    PerDay,
    Cumulative,
}
