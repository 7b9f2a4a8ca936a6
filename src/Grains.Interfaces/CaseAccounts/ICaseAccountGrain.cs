using CaseGrains.Runtime;

namespace CaseGrains.CaseAccounts;

/// <summary>
/// The supervised account of one case (资金监管, 一案一账户), keyed by case id. The judge opens it with its limits; the
/// administrator records deposits and moves money; a transfer over a limit waits for the judge. Every step is a fact
/// in the case ledger.
/// </summary>
public interface ICaseAccountGrain : IGrainWithStringKey
{
    /// <summary>The case's judge registers the account and sets its limits.</summary>
    Task<CaseAccountView> Open(OpenCaseAccount command);

    Task<CaseAccountView> Get();

    /// <summary>The case's judge changes the limits; transfers already waiting keep waiting for the judge's decision.</summary>
    Task<CaseAccountView> SetLimits(SetAccountLimits command);

    /// <summary>Money received into the account (proceeds of an asset sale), with its source and bank reference.</summary>
    Task<DepositView> RecordDeposit(RecordDeposit command);

    Task<IReadOnlyList<DepositView>> GetDeposits();

    /// <summary>Executes at once when within every limit; otherwise holds the amount and waits for the judge.</summary>
    Task<TransferView> RequestTransfer(RequestTransfer command);

    /// <summary>The split a distribution would make and the limits it would exceed; changes nothing.</summary>
    Task<DistributionPreview> PreviewDistribution(PayDistribution command);

    /// <summary>Pays a distribution to many payees as one transfer: one limit check for the whole batch.</summary>
    Task<TransferView> PayDistribution(PayDistribution command);

    Task<TransferView> ApproveTransfer(DecideTransfer command);

    Task<TransferView> RejectTransfer(DecideTransfer command);

    /// <summary>The administrator withdraws a transfer while it waits for the judge.</summary>
    Task<TransferView> CancelTransfer(CancelTransfer command);

    Task<TransferView> GetTransfer(string transferId);

    /// <summary>Every transfer, oldest first.</summary>
    Task<IReadOnlyList<TransferView>> GetTransfers();

    /// <summary>Transfers waiting for the judge, oldest first; empty while the account is not open. Runs beside commits, so a dashboard never waits for one.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<PendingApproval>> GetPendingApprovals();
}
