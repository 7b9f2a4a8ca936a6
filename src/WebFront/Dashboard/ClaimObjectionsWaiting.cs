using CaseGrains.Cases;
using CaseGrains.Claims;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>Disputed claims: an objection is before the court, which rules on it (EBL 58).</summary>
public sealed class ClaimObjectionsWaiting(IGrainFactory grains) : IWaitingItemSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingInAsync(DashboardCaseFacts facts)
    {
        var caseId = facts.Case.CaseId;
        var items = new List<WaitingItem>();
        foreach (var claim in facts.Claims.Where(c => c.Status == ClaimStatus.Disputed))
        {
            var objected = (await grains.Get<ICaseGrain>(caseId).GetClaimHistory(claim.ClaimId)).LastOrDefault(h => h.To == ClaimStatus.Disputed);
            items.Add(new WaitingItem(WaitingItemKinds.ClaimObjection, caseId, claim.ClaimId, objected?.At ?? claim.DeclaredAt));
        }
        return items;
    }
}
