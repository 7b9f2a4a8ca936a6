using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Meetings;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>
/// Undetermined claims (declared, under review or disputed) without a provisional amount, for each meeting that still
/// has a resolution to open: without one the creditor cannot vote there (EBL 59(2)).
/// </summary>
public sealed class ProvisionalAmountsWaiting(IGrainFactory grains) : IWaitingItemSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingInAsync(CaseView @case)
    {
        if (@case.MeetingIds.Count == 0) return [];
        var undetermined = (await grains.Get<ICaseGrain>(@case.CaseId).GetClaims())
            .Where(c => c.Status is ClaimStatus.Declared or ClaimStatus.UnderReview or ClaimStatus.Disputed).ToList();
        if (undetermined.Count == 0) return [];
        var items = new List<WaitingItem>();
        foreach (var meetingId in @case.MeetingIds)
        {
            var meeting = grains.Get<IMeetingGrain>(meetingId);
            if (!(await meeting.Get()).Resolutions.Any(r => r.Status == ResolutionStatus.Pending)) continue;
            var provisional = (await meeting.GetProvisionalClaimIds()).ToHashSet(StringComparer.Ordinal);
            items.AddRange(undetermined.Where(c => !provisional.Contains(c.ClaimId))
                .Select(c => new WaitingItem(WaitingItemKinds.ProvisionalAmount, @case.CaseId, c.ClaimId, c.DeclaredAt, meetingId)));
        }
        return items;
    }
}
