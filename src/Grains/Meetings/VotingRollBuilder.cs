using CaseGrains.Claims;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>Turns a case's claim list into the voters of a meeting: one voter per creditor with all its live claims.</summary>
public static class VotingRollBuilder
{
    public static IReadOnlyList<Voter> FromClaims(IEnumerable<ClaimView> claims) =>
        [.. claims
            .Where(c => c.Status is not (ClaimStatus.Rejected or ClaimStatus.Withdrawn))
            .GroupBy(c => c.CreditorId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Voter(g.Key, [.. g.Select(ToVoterClaim)]))];

    private static VoterClaim ToVoterClaim(ClaimView claim)
    {
        var determined = claim.Status is ClaimStatus.Confirmed or ClaimStatus.PartiallyConfirmed;
        var amount = determined ? claim.ConfirmedFen ?? 0 : claim.DeclaredFen;
        return new VoterClaim(claim.ClaimId, claim.Class, amount, Math.Min(claim.SecuredFen, amount), PriorityWaived: false,
            Determined: determined, ProvisionalAmountFen: null);
    }
}
