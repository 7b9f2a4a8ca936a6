using CaseGrains.Claims;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// Turns a case's claim list, with what the meeting recorded about it, into the voters of a resolution: one voter per
/// creditor with all its live claims; shareholders only for a plan that adjusts equity.
/// </summary>
public static class VotingRollBuilder
{
    /// <summary>The roll with no provisional amounts, waivers or shareholders.</summary>
    public static IReadOnlyList<Voter> FromClaims(IEnumerable<ClaimView> claims) => FromClaims(claims, RollAdjustments.None);

    /// <param name="adjustments">Provisional amounts set by the court, waived priorities, and the shareholders to include (empty unless the plan adjusts equity).</param>
    public static IReadOnlyList<Voter> FromClaims(IEnumerable<ClaimView> claims, RollAdjustments adjustments)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(adjustments);
        var byCreditor = claims
            .Where(c => c.Status is not (ClaimStatus.Rejected or ClaimStatus.Withdrawn))
            .GroupBy(c => c.CreditorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => ToVoterClaim(c, adjustments)).ToArray(), StringComparer.Ordinal);
        var ids = byCreditor.Keys.Union(adjustments.Shareholders.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. ids.Select(id =>
        {
            VoterClaim[] held = byCreditor.TryGetValue(id, out var c) ? c : [];
            return adjustments.Shareholders.TryGetValue(id, out var equity)
                ? new Voter(id, held, IsShareholder: true, EquityFen: equity)
                : new Voter(id, held);
        })];
    }

    /// <summary>Whether two rolls hold the same voters with the same claims, in the same order.</summary>
    public static bool SameVoters(IReadOnlyList<Voter> a, IReadOnlyList<Voter> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x.CreditorId != y.CreditorId || x.IsShareholder != y.IsShareholder || x.EquityFen != y.EquityFen || !x.Claims.SequenceEqual(y.Claims))
                return false;
        }
        return true;
    }

    private static VoterClaim ToVoterClaim(ClaimView claim, RollAdjustments adjustments)
    {
        var determined = claim.Status is ClaimStatus.Confirmed or ClaimStatus.PartiallyConfirmed;
        var amount = determined ? claim.ConfirmedFen ?? 0 : claim.DeclaredFen;
        long? provisional = !determined && adjustments.ProvisionalAmounts.TryGetValue(claim.ClaimId, out var p) ? p : null;
        return new VoterClaim(claim.ClaimId, claim.Class, amount, Math.Min(claim.SecuredFen, amount),
            PriorityWaived: adjustments.WaivedClaims.Contains(claim.ClaimId), Determined: determined, ProvisionalAmountFen: provisional);
    }
}
