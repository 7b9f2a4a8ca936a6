using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Voting.Tests;

/// <summary>How a case's claims and the meeting's records become a roll.</summary>
public sealed class RollBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static ClaimView Claim(string id, string creditor, ClaimStatus status, long declared, long? confirmed = null, long secured = 0,
        ClaimClass cls = ClaimClass.Ordinary) =>
        new(id, "case", creditor, cls, declared, 0, 0, secured, secured > 0 ? "plant" : null, status, confirmed, null, creditor, At, null, null);

    private static RollAdjustments With(Dictionary<string, long>? provisional = null, HashSet<string>? waived = null, Dictionary<string, long>? shareholders = null) =>
        new(provisional ?? [], waived ?? [], shareholders ?? []);

    [Theory]
    [InlineData(ClaimStatus.Confirmed, 900L, true, 900L)]
    [InlineData(ClaimStatus.PartiallyConfirmed, 400L, true, 400L)]
    [InlineData(ClaimStatus.Declared, null, false, 1_000L)]
    [InlineData(ClaimStatus.UnderReview, null, false, 1_000L)]
    [InlineData(ClaimStatus.Disputed, null, false, 1_000L)]
    public void A_claim_votes_with_its_confirmed_amount_or_stays_undetermined(ClaimStatus status, long? confirmed, bool determined, long amount)
    {
        var voter = Assert.Single(VotingRollBuilder.FromClaims([Claim("c1", "a", status, 1_000, confirmed)]));

        var claim = Assert.Single(voter.Claims);
        Assert.Equal((determined, amount, (long?)null), (claim.Determined, claim.AmountFen, claim.ProvisionalAmountFen));
    }

    [Theory]
    [InlineData(ClaimStatus.Rejected)]
    [InlineData(ClaimStatus.Withdrawn)]
    public void Rejected_and_withdrawn_claims_are_not_on_the_roll(ClaimStatus status) =>
        Assert.Empty(VotingRollBuilder.FromClaims([Claim("c1", "a", status, 1_000, 0)]));

    [Fact]
    public void The_courts_provisional_amount_applies_to_an_undetermined_claim_only()
    {
        var roll = VotingRollBuilder.FromClaims(
            [Claim("c1", "a", ClaimStatus.Declared, 1_000), Claim("c2", "b", ClaimStatus.Confirmed, 1_000, 1_000)],
            With(provisional: new() { ["c1"] = 600, ["c2"] = 5 }));

        Assert.Equal(600, roll[0].Claims[0].ProvisionalAmountFen);
        Assert.Null(roll[1].Claims[0].ProvisionalAmountFen);
        var tally = new Tally(VotingRoll.Create(roll), ResolutionKind.Ordinary, VotingRuleSet.PrcEbl);
        Assert.Equal(1_600, tally.View().UnsecuredDenominatorFen);
    }

    [Fact]
    public void A_waived_priority_makes_a_secured_claim_vote_in_full_on_the_distribution_plan()
    {
        var claims = new[] { Claim("c1", "bank", ClaimStatus.Confirmed, 1_000, 1_000, secured: 1_000) };

        var kept = new Tally(VotingRoll.Create(VotingRollBuilder.FromClaims(claims)), ResolutionKind.DistributionPlan, VotingRuleSet.PrcEbl);
        var waived = new Tally(VotingRoll.Create(VotingRollBuilder.FromClaims(claims, With(waived: ["c1"]))), ResolutionKind.DistributionPlan, VotingRuleSet.PrcEbl);

        Assert.False(kept.CanVote("bank"));
        Assert.True(waived.CanVote("bank"));
        Assert.Equal(1_000, waived.View().UnsecuredDenominatorFen);
    }

    [Fact]
    public void Shareholders_join_the_roll_and_a_creditor_who_is_also_a_shareholder_keeps_its_claims()
    {
        var roll = VotingRollBuilder.FromClaims([Claim("c1", "a", ClaimStatus.Confirmed, 1_000, 1_000)],
            With(shareholders: new() { ["a"] = 50, ["z"] = 70 }));

        Assert.Equal(["a", "z"], roll.Select(v => v.CreditorId));
        Assert.Equal((true, 50L, 1), (roll[0].IsShareholder, roll[0].EquityFen, roll[0].Claims.Count));
        Assert.Equal((true, 70L, 0), (roll[1].IsShareholder, roll[1].EquityFen, roll[1].Claims.Count));
        var plan = new Tally(VotingRoll.Create(roll), ResolutionKind.ReorganizationPlan, VotingRuleSet.PrcEbl);
        Assert.Equal(120, plan.View().Classes.Single(c => c.Class == VotingClass.Shareholder).TotalFen);
    }

    [Fact]
    public void A_creditor_with_several_claims_is_one_voter_and_voters_come_in_id_order()
    {
        var roll = VotingRollBuilder.FromClaims([
            Claim("c1", "b", ClaimStatus.Confirmed, 100, 100), Claim("c2", "a", ClaimStatus.Confirmed, 5, 5), Claim("c3", "b", ClaimStatus.Declared, 7)]);

        Assert.Equal(["a", "b"], roll.Select(v => v.CreditorId));
        Assert.Equal(["c1", "c3"], roll[1].Claims.Select(c => c.ClaimId));
    }

    [Fact]
    public void Rolls_are_the_same_only_when_every_voter_and_claim_is()
    {
        var claims = new[] { Claim("c1", "a", ClaimStatus.Confirmed, 100, 100), Claim("c2", "b", ClaimStatus.Declared, 50) };
        var roll = VotingRollBuilder.FromClaims(claims);

        Assert.True(VotingRollBuilder.SameVoters(roll, VotingRollBuilder.FromClaims(claims)));
        Assert.False(VotingRollBuilder.SameVoters(roll, VotingRollBuilder.FromClaims(claims, With(provisional: new() { ["c2"] = 10 }))));
        Assert.False(VotingRollBuilder.SameVoters(roll, VotingRollBuilder.FromClaims(claims, With(shareholders: new() { ["b"] = 1 }))));
        Assert.False(VotingRollBuilder.SameVoters(roll, VotingRollBuilder.FromClaims(claims[..1])));
    }
}
