namespace CaseGrains.CaseAccounts;

public enum TransferStatus
{
    /// <summary>Over a limit: its amount is held until the judge approves or rejects it.</summary>
    AwaitingApproval,
    Executed,
    Rejected,
    /// <summary>Withdrawn by the administrator while it waited for the judge; it never executes.</summary>
    Cancelled,
}
