using CaseGrains.Claims;
using CaseGrains.Meetings;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>
/// Undetermined claims (declared, under review or disputed) without a provisional amount, for each meeting that still
/// has a resolution to open: without one the creditor cannot vote there (EBL 59(2)).
/// </summary>
public sealed class ProvisionalAmountsWaiting(IGrainFactory grains) : IWaitingItemSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingInAsync(DashboardCaseFacts facts)
    {
        var coming = facts.Meetings.Where(m => m.Resolutions.Any(r => r.Status == ResolutionStatus.Pending)).ToList();
        if (coming.Count == 0) return [];
        var undetermined = facts.Claims.Where(c => c.Status is ClaimStatus.Declared or ClaimStatus.UnderReview or ClaimStatus.Disputed).ToList();
        if (undetermined.Count == 0) return [];
        var items = new List<WaitingItem>();
        foreach (var meeting in coming)
        {
            var provisional = (await grains.Get<IMeetingGrain>(meeting.MeetingId).GetProvisionalClaimIds()).ToHashSet(StringComparer.Ordinal);
            items.AddRange(undetermined.Where(c => !provisional.Contains(c.ClaimId))
                .Select(c => new WaitingItem(WaitingItemKinds.ProvisionalAmount, facts.Case.CaseId, c.ClaimId, c.DeclaredAt, meeting.MeetingId)));
        }
        return items;
    }
}
