namespace CaseGrains.CaseAccounts;

/// <summary>A transfer waiting for the judge: one line of the judge's list, across cases.</summary>
/// <param name="Payees">How many payees it pays (1 for a single transfer).</param>
public sealed record PendingApproval(
    string CaseId,
    string TransferId,
    TransferKind Kind,
    long AmountFen,
    string Purpose,
    int Payees,
    IReadOnlyList<TransferLimit> ExceededLimits,
    string RequestedBy,
    DateTimeOffset RequestedAt);
