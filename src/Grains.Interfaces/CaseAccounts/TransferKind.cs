namespace CaseGrains.CaseAccounts;

public enum TransferKind
{
    /// <summary>One payment to one payee.</summary>
    Single,
    /// <summary>A distribution paid to many creditors at once.</summary>
    Distribution,
}
