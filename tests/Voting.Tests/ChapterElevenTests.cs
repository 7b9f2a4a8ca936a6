using CaseGrains.Meetings.Voting;
using static CaseGrains.Meetings.Voting.VoteChoice;
using static CaseGrains.Voting.Tests.Roll;

namespace CaseGrains.Voting.Tests;

public sealed class ChapterElevenTests
{
    /// <summary>
    /// The same ballots pass under 1126(c), which counts only those that accepted or rejected, and fail under
    /// EBL 64, which counts everyone present by head and every unsecured claim in amount.
    /// </summary>
    [Theory]
    [InlineData(VotingRuleSet.UsChapter11, true)]
    [InlineData(VotingRuleSet.PrcEbl, false)]
    public void Non_voters_and_abstainers_are_left_out_only_under_Chapter_11(VotingRuleSet rules, bool passed)
    {
        var roll = VotingRoll.Create([V("a", Ord(5000)), V("b", Ord(1000)), V("c", Ord(2000)), V("d", Ord(90000)), V("e", Ord(10))]);
        var tally = new Tally(roll, ResolutionKind.Ordinary, rules);
        tally.Record("a", For);
        tally.Record("e", For);
        tally.Record("b", Against);
        tally.Record("c", Abstain);
        tally.MarkPresent("d");

        var outcome = tally.Evaluate();

        Assert.Equal(passed, outcome.Passed);
        Expect[] expected = rules == VotingRuleSet.UsChapter11
            ? [new(5010, 6010, true), new(2, 3, true)]
            : [new(2, 5, false), new(5010, 98010, false)];
        Assert.Equal(expected, new[] { Pick(outcome, 0), Pick(outcome, 1) });
    }

    [Fact]
    public void Number_and_amount_both_count_only_accepting_and_rejecting_creditors()
    {
        var roll = VotingRoll.Create([V("a", Ord(5000)), V("b", Ord(1000)), V("c", Ord(2000)), V("d", Ord(90000)), V("e", Ord(10))]);
        var tally = new Tally(roll, ResolutionKind.DistributionPlan, VotingRuleSet.UsChapter11);
        tally.Record("a", For);
        tally.Record("e", For);
        tally.Record("b", Against);
        tally.Record("c", Abstain);

        var outcome = tally.Evaluate();

        Assert.True(outcome.Passed);
        Assert.Equal(new Expect(5010, 6010, true), Pick(outcome, 0));
        Assert.Equal(new Expect(2, 3, true), Pick(outcome, 1));
        Assert.Contains("1126(c)", outcome.Checks[0].Article);
    }

    private static Expect Pick(ResolutionOutcome outcome, int i) =>
        new(outcome.Checks[i].Numerator, outcome.Checks[i].Denominator, outcome.Checks[i].Passed);
}
