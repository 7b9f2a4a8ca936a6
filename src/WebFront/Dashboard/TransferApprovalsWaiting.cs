using CaseGrains.CaseAccounts;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>
/// Transfers from the supervised case account over a limit: they execute only once the judge approves them. Only a
/// case that opened its account is asked, so the dashboard does not wake an account grain for every case.
/// </summary>
public sealed class TransferApprovalsWaiting(IGrainFactory grains) : IWaitingItemSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingInAsync(DashboardCaseFacts facts) =>
        !facts.Case.HasAccount ? [] :
        [.. (await grains.Get<ICaseAccountGrain>(facts.Case.CaseId).GetPendingApprovals())
            .Select(p => new WaitingItem(WaitingItemKinds.TransferApproval, facts.Case.CaseId, p.TransferId, p.RequestedAt, "account"))];
}
