using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;
using static CaseGrains.Meetings.Voting.ResolutionKind;
using VC = CaseGrains.Meetings.Voting.VotingClass;
using static CaseGrains.Meetings.Voting.VotingRuleSet;
using static CaseGrains.Voting.Tests.Roll;

namespace CaseGrains.Voting.Tests;

public sealed class EligibilityTests
{
    /// <param name="Weights">Expected (class, amount) pairs; a null class is the whole meeting.</param>
    /// <param name="ReasonHas">A fragment the refusal must contain (the article), when the creditor cannot vote.</param>
    public sealed record Row(string Name, Voter Voter, ResolutionKind Kind, VotingRuleSet Rules, (VotingClass? Class, long Fen)[] Weights,
        string? ReasonHas = null, long SmallAmountThresholdFen = 0);

    private static readonly Row[] Rows =
    [
        new("Undetermined without a provisional amount cannot vote", V("x", Undetermined(5000, null)), Ordinary, PrcEbl, [], "EBL 59(2)"),
        new("Undetermined votes with the provisional amount", V("x", Undetermined(5000, 1200)), Ordinary, PrcEbl, [(null, 1200)]),
        new("A provisional amount caps the secured part", V("x", Undetermined(5000, 1200) with { SecuredFen = 3000 }), ReorganizationPlan, PrcEbl, [(VC.Secured, 1200)]),
        new("A provisional amount of zero gives no vote", V("x", Undetermined(5000, 0)), Ordinary, PrcEbl, [], "no amount"),
        new("Fully secured, priority kept: no vote on the settlement", V("x", Sec(5000, 5000)), SettlementAgreement, PrcEbl, [], "EBL 59(3)"),
        new("Fully secured, priority kept: no vote on the distribution plan", V("x", Sec(5000, 5000)), DistributionPlan, PrcEbl, [], "EBL 59(3)"),
        new("Fully secured, priority kept: votes by head only on an ordinary resolution", V("x", Sec(5000, 5000)), Ordinary, PrcEbl, [(null, 0)]),
        new("Fully secured, priority kept: votes by head only on the realization plan", V("x", Sec(5000, 5000)), RealizationPlan, PrcEbl, [(null, 0)]),
        new("Fully secured, priority kept: votes by head only on the property management plan", V("x", Sec(5000, 5000)), PropertyManagementPlan, PrcEbl, [(null, 0)]),
        new("Partly secured: the uncovered part votes on the settlement", V("x", Sec(5000, 3500)), SettlementAgreement, PrcEbl, [(null, 1500)]),
        new("Secured with priority waived: votes in full on the distribution plan", V("x", Sec(5000, 5000, waived: true)), DistributionPlan, PrcEbl, [(null, 5000)]),
        new("Secured claim and a plain claim: only the plain one votes on the settlement", V("x", Sec(5000, 5000), Ord(700)), SettlementAgreement, PrcEbl, [(null, 700)]),
        new("Employee claims do not vote on an ordinary resolution", V("x", Emp(900)), Ordinary, PrcEbl, [], "EBL 48"),
        new("Employee claims vote in the employee class of a plan", V("x", Emp(900)), ReorganizationPlan, PrcEbl, [(VC.Employee, 900)]),
        new("Employee claims vote in full under Chapter 11", V("x", Emp(900)), Ordinary, UsChapter11, [(null, 900)]),
        new("A secured claim votes in full under Chapter 11", V("x", Sec(5000, 5000)), SettlementAgreement, UsChapter11, [(null, 5000)]),
        new("A shareholder without claims is no member of the meeting", Shareholder("x", 8000), Ordinary, PrcEbl, [], "EBL 59(1)"),
        new("A shareholder votes with its equity on the plan", Shareholder("x", 8000, Ord(100)), ReorganizationPlan, PrcEbl, [(VC.Ordinary, 100), (VC.Shareholder, 8000)]),
        new("A shareholder holding a claim votes as a creditor on other matters", Shareholder("x", 8000, Ord(100)), Ordinary, PrcEbl, [(null, 100)]),
        new("Social insurance does not vote on the plan", V("x", SocialInsurance(300)), ReorganizationPlan, PrcEbl, [], "EBL 83"),
        new("Social insurance votes on other matters", V("x", SocialInsurance(300)), Ordinary, PrcEbl, [(null, 300)]),
        new("Social insurance votes in the tax class under Chapter 11", V("x", SocialInsurance(300), Tax(200)), ReorganizationPlan, UsChapter11, [(VC.Tax, 500)]),
        new("A secured claim splits between the secured class and its own", V("x", Sec(5000, 3000), Tax(50)), ReorganizationPlan, PrcEbl, [(VC.Secured, 3000), (VC.Tax, 50), (VC.Ordinary, 2000)]),
        new("Small ordinary creditors vote apart", V("x", Ord(600), Ord(400), Sec(900, 900)), ReorganizationPlan, PrcEbl, [(VC.Secured, 900), (VC.SmallAmountOrdinary, 1000)], SmallAmountThresholdFen: 1000),
        new("Above the small-amount threshold stays ordinary", V("x", Ord(600), Ord(401)), ReorganizationPlan, PrcEbl, [(VC.Ordinary, 1001)], SmallAmountThresholdFen: 1000),
    ];

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var row in Rows)
            {
                data.Add(row.Name);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Decides_who_votes_with_what(string name)
    {
        var row = Rows.Single(r => r.Name == name);
        var roll = VotingRoll.Create([row.Voter, V("other", Ord(1))], row.SmallAmountThresholdFen);
        var tally = new Tally(roll, row.Kind, row.Rules);

        var decision = tally.Eligibility("x");

        Assert.Equal(row.Weights.Length > 0, decision.CanVote);
        Assert.Equal(row.Weights, decision.Weights.Select(w => (w.Class, w.AmountFen)).ToArray());
        if (decision.CanVote)
        {
            Assert.Null(decision.Reason);
            tally.Record("x", VoteChoice.For);
            Assert.Equal(1, tally.VotesRecorded);
        }
        else
        {
            Assert.Contains(row.ReasonHas!, decision.Reason);
            var refusal = Assert.Throws<RuleViolationException>(() => tally.Record("x", VoteChoice.For));
            Assert.Equal(RuleViolation.NotAllowed, refusal.Kind);
            Assert.Equal("creditorId", refusal.Field);
            Assert.Equal(decision.Reason, refusal.Message);
            Assert.Equal(0, tally.VotesRecorded);

            // May attend, but is not counted.
            tally.MarkPresent("x");
            Assert.All(tally.View().Classes, c => Assert.Equal(0, c.HeadsPresent));
        }
    }

    [Fact]
    public void Someone_not_on_the_roll_cannot_vote_or_check_in()
    {
        var tally = new Tally(VotingRoll.Create([V("a", Ord(1))]), Ordinary, PrcEbl);

        var decision = tally.Eligibility("stranger");
        Assert.False(decision.CanVote);
        Assert.Contains("EBL 59(1)", decision.Reason);
        Assert.Equal(RuleViolation.NotAllowed, Assert.Throws<RuleViolationException>(() => tally.Record("stranger", VoteChoice.For)).Kind);
        Assert.Equal(RuleViolation.NotAllowed, Assert.Throws<RuleViolationException>(() => tally.MarkPresent("stranger")).Kind);
    }

    [Fact]
    public void An_unknown_choice_is_refused_as_invalid()
    {
        var tally = new Tally(VotingRoll.Create([V("a", Ord(1))]), Ordinary, PrcEbl);
        var refusal = Assert.Throws<RuleViolationException>(() => tally.Record("a", (VoteChoice)7));
        Assert.Equal(RuleViolation.Invalid, refusal.Kind);
        Assert.Equal(0, tally.View().Classes[0].HeadsPresent);
    }

    [Fact]
    public void Notes_explain_claims_that_count_only_in_part()
    {
        var tally = new Tally(VotingRoll.Create([V("x", Sec(5000, 3500), Undetermined(100, null), Emp(10))]), DistributionPlan, PrcEbl);
        var decision = tally.Eligibility("x");
        Assert.True(decision.CanVote);
        Assert.Equal(3, decision.Notes.Count);
        Assert.Contains(decision.Notes, n => n.Contains("EBL 110", StringComparison.Ordinal));
        Assert.Contains(decision.Notes, n => n.Contains("EBL 59(2)", StringComparison.Ordinal));
        Assert.Contains(decision.Notes, n => n.Contains("EBL 48", StringComparison.Ordinal));
    }
}
