using CaseGrains.Cases;
using CaseGrains.Claims;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>Disputed claims: an objection is before the court, which rules on it (EBL 58).</summary>
public sealed class ClaimObjectionsWaiting(IGrainFactory grains) : IWaitingItemSource
{
    public async Task<IReadOnlyList<WaitingItem>> WaitingInAsync(CaseView @case)
    {
        var grain = grains.Get<ICaseGrain>(@case.CaseId);
        var items = new List<WaitingItem>();
        foreach (var claim in (await grain.GetClaims()).Where(c => c.Status == ClaimStatus.Disputed))
        {
            var objected = (await grain.GetClaimHistory(claim.ClaimId)).LastOrDefault(h => h.To == ClaimStatus.Disputed);
            items.Add(new WaitingItem(WaitingItemKinds.ClaimObjection, @case.CaseId, claim.ClaimId, objected?.At ?? claim.DeclaredAt));
        }
        return items;
    }
}
