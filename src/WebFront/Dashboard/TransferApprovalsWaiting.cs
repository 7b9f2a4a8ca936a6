using CaseGrains.CaseAccounts;
using CaseGrains.Cases;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>Transfers from the supervised case account over a limit: they execute only once the judge approves them.</summary>
public sealed class TransferApprovalsWaiting(IGrainFactory grains) : IWaitingItemSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingInAsync(CaseView @case) =>
        [.. (await grains.Get<ICaseAccountGrain>(@case.CaseId).GetPendingApprovals())
            .Select(p => new WaitingItem(WaitingItemKinds.TransferApproval, @case.CaseId, p.TransferId, p.RequestedAt, "account"))];
}
