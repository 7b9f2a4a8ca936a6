using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;
using static CaseGrains.Meetings.Voting.VoteChoice;
using static CaseGrains.Meetings.Voting.VotingRuleSet;
using static CaseGrains.Voting.Tests.Roll;
using VC = CaseGrains.Meetings.Voting.VotingClass;

namespace CaseGrains.Voting.Tests;

public sealed class ReorganizationTests
{
    /// <summary>bank: 9000 secured on collateral worth 6000; o1..o3 ordinary; t tax; s1, s2 small ordinary (threshold 500).</summary>
    private static VotingRoll Case() => VotingRoll.Create(
    [
        V("bank", Sec(9000, 6000)), V("o1", Ord(4000)), V("o2", Ord(2000)), V("o3", Ord(1000)),
        V("t", Tax(800)), V("s1", Ord(300)), V("s2", Ord(500)),
    ], smallAmountThresholdFen: 500);

    private static ResolutionOutcome FirstVote(VotingRuleSet rules = PrcEbl)
    {
        var tally = new Tally(Case(), ResolutionKind.ReorganizationPlan, rules);
        // Ordinary class: bank (3000 uncovered), o1, o2, o3 = 10000. o1 and o2 rejecting sink it.
        foreach (var (id, choice) in new[] { ("bank", For), ("o1", Against), ("o2", Against), ("o3", For), ("t", For), ("s1", For), ("s2", For) })
        {
            tally.Record(id, choice);
        }

        return tally.Evaluate();
    }

    [Fact]
    public void One_rejecting_class_sinks_the_plan_and_the_outcome_names_it()
    {
        var outcome = FirstVote();

        Assert.False(outcome.Passed);
        Assert.Equal([VC.Secured, VC.Tax, VC.Ordinary, VC.SmallAmountOrdinary], outcome.Classes.Select(c => c.Class));
        var ordinary = outcome.Classes.Single(c => c.Class == VC.Ordinary);
        Assert.False(ordinary.Accepted);
        Assert.Equal([new Expect(2, 4, false), new Expect(4000, 10000, false)], ordinary.Checks.Select(c => new Expect(c.Numerator, c.Denominator, c.Passed)));
        Assert.All(outcome.Classes.Where(c => c.Class != VC.Ordinary), c => Assert.True(c.Accepted));
        Assert.Equal(outcome.Classes.Sum(c => c.Checks.Count), outcome.Checks.Count);
        Assert.Contains("EBL 87(1)", outcome.Explanation);
        Assert.Contains("EBL 88", outcome.Explanation);
    }

    [Fact]
    public void The_rejecting_class_may_vote_once_more_and_then_the_plan_passes()
    {
        var first = FirstVote();
        var revote = Tally.ForClassRevote(Case(), PrcEbl, VC.Ordinary);

        Assert.False(revote.Eligibility("t").CanVote);
        Assert.Contains("EBL 87(1)", revote.Eligibility("t").Reason);
        Assert.Equal([new ClassWeight(VC.Ordinary, 3000)], revote.Eligibility("bank").Weights);

        revote.Record("o1", For);
        revote.Record("o2", Against);
        revote.Record("o3", For);
        revote.MarkPresent("bank");
        var second = revote.Evaluate();
        Assert.Equal(VC.Ordinary, second.RevoteOf);
        // 2 of 4 present is a tie: still rejected; the bank then agrees.
        Assert.False(second.Passed);
        revote.Record("bank", For);
        second = revote.Evaluate();
        Assert.True(second.Passed);
        Assert.Equal([new Expect(3, 4, true), new Expect(8000, 10000, true)], second.Checks.Select(c => new Expect(c.Numerator, c.Denominator, c.Passed)));

        var combined = ReorganizationRevote.Combine(first, second);
        Assert.True(combined.Passed);
        Assert.Null(combined.RevoteOf);
        Assert.True(combined.Classes.Single(c => c.Class == VC.Ordinary).IsRevote);
        Assert.Contains("EBL 86(1)", combined.Explanation);
    }

    [Fact]
    public void A_class_votes_again_only_once_and_only_after_rejecting()
    {
        var first = FirstVote();
        var revote = Tally.ForClassRevote(Case(), PrcEbl, VC.Ordinary);
        revote.Record("o1", Against);
        var rejectedAgain = ReorganizationRevote.Combine(first, revote.Evaluate());
        Assert.False(rejectedAgain.Passed);
        Assert.Contains("already voted again", rejectedAgain.Explanation);
        Assert.Contains("EBL 87(2)", rejectedAgain.Explanation);

        Assert.Throws<RuleViolationException>(() => ReorganizationRevote.Combine(rejectedAgain, revote.Evaluate()));
        var accepted = Tally.ForClassRevote(Case(), PrcEbl, VC.Tax);
        accepted.Record("t", For);
        Assert.Equal(RuleViolation.Conflict, Assert.Throws<RuleViolationException>(() => ReorganizationRevote.Combine(first, accepted.Evaluate())).Kind);
        Assert.Equal(RuleViolation.Invalid, Assert.Throws<RuleViolationException>(() => ReorganizationRevote.Combine(first, FirstVote())).Kind);
        Assert.Equal(RuleViolation.Invalid, Assert.Throws<RuleViolationException>(() => ReorganizationRevote.Combine(first, RevoteUnder(UsChapter11))).Kind);
        Assert.Equal(RuleViolation.Conflict, Assert.Throws<RuleViolationException>(() => Tally.ForClassRevote(Case(), PrcEbl, VC.Employee)).Kind);
    }

    [Fact]
    public void Class_totals_count_absent_members_and_heads_count_only_those_present()
    {
        var tally = new Tally(Case(), ResolutionKind.ReorganizationPlan, PrcEbl);
        tally.Record("o1", For);     // 4000 of 10000 is below two thirds even though 1 of 1 present agrees
        var ordinary = tally.Evaluate().Classes.Single(c => c.Class == VC.Ordinary);
        Assert.Equal([new Expect(1, 1, true), new Expect(4000, 10000, false)], ordinary.Checks.Select(c => new Expect(c.Numerator, c.Denominator, c.Passed)));
    }

    [Fact]
    public void A_creditor_in_two_classes_counts_once_by_head_in_each()
    {
        var tally = new Tally(Case(), ResolutionKind.ReorganizationPlan, PrcEbl);
        tally.Record("bank", Against);
        var view = tally.View();
        var secured = view.Classes.Single(c => c.Class == VC.Secured);
        var ordinary = view.Classes.Single(c => c.Class == VC.Ordinary);
        Assert.Equal((1, 1, 6000L, 6000L), (secured.HeadsPresent, secured.HeadsAgainst, secured.AmountAgainstFen, secured.TotalFen));
        Assert.Equal((1, 1, 3000L, 10000L), (ordinary.HeadsPresent, ordinary.HeadsAgainst, ordinary.AmountAgainstFen, ordinary.TotalFen));
        Assert.Equal(1, tally.VotesRecorded);
    }

    [Fact]
    public void Social_insurance_creditors_sit_out_the_plan_under_the_EBL()
    {
        var roll = VotingRoll.Create([V("si", SocialInsurance(5000)), V("t", Tax(1000))]);
        var tally = new Tally(roll, ResolutionKind.ReorganizationPlan, PrcEbl);
        tally.Record("t", For);
        var tax = Assert.Single(tally.Evaluate().Classes);
        Assert.True(tax.Accepted);
        Assert.Equal(1000, tax.Checks[1].Denominator);
    }

    [Fact]
    public void Chapter_11_plan_is_decided_by_those_voting_in_each_class()
    {
        var outcome = FirstVote(UsChapter11);
        var ordinary = outcome.Classes.Single(c => c.Class == VC.Ordinary);
        // Those that voted: bank 3000, o1 4000, o2 2000 (against), o3 1000 → 4000 of 10000 accepting.
        Assert.Equal([new Expect(4000, 10000, false), new Expect(2, 4, false)], ordinary.Checks.Select(c => new Expect(c.Numerator, c.Denominator, c.Passed)));
        Assert.False(outcome.Passed);
        Assert.Contains("1129(b)", outcome.Explanation);
    }

    private static ResolutionOutcome RevoteUnder(VotingRuleSet rules)
    {
        var tally = Tally.ForClassRevote(Case(), rules, VC.Ordinary);
        tally.Record("o1", For);
        return tally.Evaluate();
    }
}
