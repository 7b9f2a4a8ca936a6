using CaseGrains.Meetings.Voting;
using static CaseGrains.Meetings.Voting.ResolutionKind;
using static CaseGrains.Meetings.Voting.VoteChoice;
using static CaseGrains.Meetings.Voting.VotingRuleSet;
using static CaseGrains.Voting.Tests.Roll;

namespace CaseGrains.Voting.Tests;

/// <summary>
/// Every resolution kind under both rule sets, on one case: a 6000 and b 3000 ordinary; c 5000 of which 4000 is
/// covered by collateral (priority kept); d 1000 tax; e 500 employee; f a shareholder with 10000 equity and no claim.
/// Under the EBL the unsecured total with a vote is a + b + c's uncovered 1000 + d = 11000 (e has no vote, EBL 48).
/// </summary>
public sealed class ResolutionKindTests
{
    private static Voter[] Case() =>
    [
        V("a", Ord(6000)), V("b", Ord(3000)), V("c", Sec(5000, 4000)), V("d", Tax(1000)), V("e", Emp(500)), Shareholder("f", 10000),
    ];

    private static readonly Scenario[] Scenarios =
    [
        // EBL 64: c votes by head with only its uncovered 1000; d abstains and still counts as present.
        new("PRC ordinary: 2 of 4 present is not more than half", Case(), Ordinary, PrcEbl,
            [("a", For), ("c", For), ("b", Against), ("d", Abstain)], false, [new(2, 4, false), new(7000, 11000, true)]),
        new("PRC realization plan adopted", Case(), RealizationPlan, PrcEbl,
            [("a", For), ("c", For), ("d", For), ("b", Against)], true, [new(3, 4, true), new(8000, 11000, true)]),
        new("PRC property management plan: 5000 of 11000 is below one half", Case(), PropertyManagementPlan, PrcEbl,
            [("a", Against), ("b", For), ("c", For), ("d", For)], false, [new(3, 4, true), new(5000, 11000, false)]),
        // EBL 59(3): c's covered 4000 has no vote, its uncovered 1000 does; 7000 of 11000 is below two thirds.
        new("PRC settlement: heads pass, 7000 of 11000 is below two thirds", Case(), SettlementAgreement, PrcEbl,
            [("a", For), ("d", For), ("b", Against)], false, [new(2, 3, true), new(7000, 11000, false)]),
        new("PRC distribution plan adopted with the uncovered part of c", Case(), DistributionPlan, PrcEbl,
            [("a", For), ("c", For), ("b", Against)], true, [new(2, 3, true), new(7000, 11000, true)]),
        // EBL 84: per class, the class total counts absent members too; f votes with its equity.
        new("PRC reorganization: every class accepts", Case(), ReorganizationPlan, PrcEbl,
            [("a", For), ("b", Against), ("c", For), ("d", For), ("e", For), ("f", For)], true,
            [
                new(1, 1, true), new(4000, 4000, true),     // secured: c
                new(1, 1, true), new(500, 500, true),       // employee: e
                new(1, 1, true), new(1000, 1000, true),     // tax: d
                new(2, 3, true), new(7000, 10000, true),    // ordinary: a, b, c's uncovered part
                new(1, 1, true), new(10000, 10000, true),   // shareholder: f
            ]),

        // 1126(c) over all claims as one class, full amounts, only those that accepted or rejected.
        new("US ordinary: abstainer and absentee left out", Case(), Ordinary, UsChapter11,
            [("a", For), ("b", Against), ("c", Abstain), ("e", For)], true, [new(6500, 9500, true), new(2, 3, true)]),
        new("US settlement: 9500 of 15500 is below two thirds", Case(), SettlementAgreement, UsChapter11,
            [("a", Against), ("b", For), ("c", For), ("d", For), ("e", For)], false, [new(9500, 15500, false), new(4, 5, true)]),
        new("US distribution: a lone voter decides", Case(), DistributionPlan, UsChapter11,
            [("c", For)], true, [new(5000, 5000, true), new(1, 1, true)]),
        new("US realization: one half in number is not more than half", Case(), RealizationPlan, UsChapter11,
            [("a", For), ("b", Against)], false, [new(6000, 9000, true), new(1, 2, false)]),
        new("US property management plan adopted", Case(), PropertyManagementPlan, UsChapter11,
            [("a", For), ("b", For), ("d", Against)], true, [new(9000, 10000, true), new(2, 3, true)]),
        new("US reorganization: classes without acceptances reject", Case(), ReorganizationPlan, UsChapter11,
            [("c", Against), ("a", For), ("b", For), ("e", Abstain), ("f", For)], false,
            [
                new(0, 4000, false), new(0, 1, false),      // secured: c rejects
                new(0, 0, true), new(0, 0, false),          // employee: e only abstained
                new(0, 0, true), new(0, 0, false),          // tax: d did not vote
                new(9000, 10000, true), new(2, 3, true),    // ordinary
                new(10000, 10000, true),                    // shareholder: 1126(d), amount only
            ]),
    ];

    public static TheoryData<string> Names => Scenario.Names(Scenarios);

    [Theory]
    [MemberData(nameof(Names))]
    public void Counts_exactly(string name) => Scenario.AssertOutcome(Scenarios.Single(s => s.Name == name));

    [Fact]
    public void Covers_every_kind_under_both_rule_sets()
    {
        foreach (var rules in Enum.GetValues<VotingRuleSet>())
        {
            foreach (var kind in Enum.GetValues<ResolutionKind>())
            {
                Assert.Contains(Scenarios, s => s.Kind == kind && s.Rules == rules);
            }
        }
    }

    [Theory]
    [InlineData(PropertyManagementPlan, "EBL 65(1)")]
    [InlineData(RealizationPlan, "EBL 65(1)")]
    [InlineData(DistributionPlan, "EBL 65(2)")]
    [InlineData(SettlementAgreement, "EBL 99")]
    [InlineData(ReorganizationPlan, "EBL 87(1)")]
    public void A_failed_vote_says_what_the_law_does_next(ResolutionKind kind, string article)
    {
        var tally = new Tally(VotingRoll.Create(Case()), kind, PrcEbl);
        tally.Record("a", Against);
        var outcome = tally.Evaluate();
        Assert.False(outcome.Passed);
        Assert.Contains(article, outcome.Explanation);
    }

    [Fact]
    public void The_unsecured_denominator_is_on_the_roll_and_in_the_live_view()
    {
        var roll = VotingRoll.Create(Case());
        Assert.Equal(11000, roll.UnsecuredTotalFen);
        Assert.Equal(4000, roll.ClassTotalFen(VotingClass.Secured));
        Assert.Equal(10000, roll.ClassTotalFen(VotingClass.Ordinary));
        Assert.Equal(3, roll.ClassMembers(VotingClass.Ordinary));

        var view = new Tally(roll, DistributionPlan, PrcEbl).View();
        Assert.Equal(11000, view.UnsecuredDenominatorFen);
        var meeting = Assert.Single(view.Classes);
        Assert.Null(meeting.Class);
        Assert.Equal(4, meeting.Members);   // a, b, c (uncovered part), d
        Assert.Null(new Tally(roll, DistributionPlan, UsChapter11).View().UnsecuredDenominatorFen);
    }
}
