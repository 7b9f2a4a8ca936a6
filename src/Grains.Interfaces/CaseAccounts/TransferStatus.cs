namespace CaseGrains.CaseAccounts;

public enum TransferStatus
{
    /// <summary>Over a limit: its amount is held until the judge approves or rejects it.</summary>
    AwaitingApproval,
    Executed,
    Rejected,
}
