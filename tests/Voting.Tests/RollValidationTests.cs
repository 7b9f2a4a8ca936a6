using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;
using static CaseGrains.Voting.Tests.Roll;

namespace CaseGrains.Voting.Tests;

public sealed class RollValidationTests
{
    public static TheoryData<string, Voter[], string> Invalid => new()
    {
        { "duplicate creditor", [V("a", Ord(1)), V("a", Ord(2))], "creditorId" },
        { "empty creditor id", [V("", Ord(1))], "creditorId" },
        { "negative amount", [V("a", Ord(-1))], "amountFen" },
        { "negative provisional amount", [V("a", Undetermined(10, -1))], "amountFen" },
        { "secured part above the amount", [V("a", Sec(10, 11))], "securedFen" },
        { "negative secured part", [V("a", Sec(10, -1))], "securedFen" },
        { "shareholder without equity", [new Voter("a", [], IsShareholder: true)], "equityFen" },
        { "equity without being a shareholder", [new Voter("a", [Ord(1)], EquityFen: 5)], "equityFen" },
        { "social insurance outside its class", [V("a", Ord(1) with { IsSocialInsurance = true })], "isSocialInsurance" },
        { "the same claim twice", Twice(), "claimId" },
        { "sums beyond 64 bits", [V("a", Ord(long.MaxValue)), V("b", Ord(1))], "amountFen" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Refuses_a_roll_that_cannot_be_counted_exactly(string name, Voter[] voters, string field)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => VotingRoll.Create(voters));
        Assert.Equal(RuleViolation.Invalid, refusal.Kind);
        Assert.Equal(field, refusal.Field);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Refuses_a_negative_small_amount_threshold() =>
        Assert.Equal("smallAmountThresholdFen",
            Assert.Throws<RuleViolationException>(() => VotingRoll.Create([V("a", Ord(1))], -1)).Field);

    [Fact]
    public void An_empty_roll_adopts_nothing()
    {
        var roll = VotingRoll.Create([]);
        foreach (var kind in Enum.GetValues<ResolutionKind>())
        {
            Assert.False(new Tally(roll, kind, VotingRuleSet.PrcEbl).Evaluate().Passed);
            Assert.False(new Tally(roll, kind, VotingRuleSet.UsChapter11).Evaluate().Passed);
        }
    }

    [Fact]
    public void A_roll_keeps_its_own_copy_of_the_claims()
    {
        var claims = new List<VoterClaim> { Ord(1000) };
        var roll = VotingRoll.Create([new Voter("a", claims)]);
        claims.Add(Ord(5000));

        Assert.Equal(1000, roll.UnsecuredTotalFen);
        Assert.Equal(1000, Assert.Single(new Tally(roll, ResolutionKind.Ordinary, VotingRuleSet.PrcEbl).Eligibility("a").Weights).AmountFen);
    }

    private static Voter[] Twice()
    {
        var claim = Ord(1);
        return [V("a", claim), V("b", claim)];
    }
}
