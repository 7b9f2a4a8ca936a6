using CaseGrains.Meetings.Voting;

namespace CaseGrains.Voting.Tests;

/// <summary>An expected test: numerator, denominator and result, in the order the outcome lists its checks.</summary>
public readonly record struct Expect(long Numerator, long Denominator, bool Passed);

/// <summary>One row of a table-driven vote: a roll, the ballots in order, who only checked in, and the exact result.</summary>
public sealed record Scenario(
    string Name,
    Voter[] Voters,
    ResolutionKind Kind,
    VotingRuleSet Rules,
    (string Id, VoteChoice Choice)[] Ballots,
    bool Passed,
    Expect[] Checks,
    string[]? CheckedIn = null,
    long SmallAmountThresholdFen = 0)
{
    public ResolutionOutcome Run(out Tally tally)
    {
        tally = new Tally(VotingRoll.Create(Voters, SmallAmountThresholdFen), Kind, Rules);
        foreach (var id in CheckedIn ?? [])
        {
            tally.MarkPresent(id);
        }

        foreach (var (id, choice) in Ballots)
        {
            tally.Record(id, choice);
        }

        return tally.Evaluate();
    }

    /// <summary>Scenarios keyed by name so that each row shows up as its own test case.</summary>
    public static TheoryData<string> Names(IEnumerable<Scenario> scenarios)
    {
        var data = new TheoryData<string>();
        foreach (var s in scenarios)
        {
            data.Add(s.Name);
        }

        return data;
    }

    public static void AssertOutcome(Scenario s)
    {
        var outcome = s.Run(out _);
        Assert.Equal(s.Kind, outcome.Kind);
        Assert.Equal(s.Rules, outcome.Rules);
        var actual = outcome.Checks.Select(c => new Expect(c.Numerator, c.Denominator, c.Passed)).ToArray();
        Assert.Equal(s.Checks, actual);
        Assert.Equal(s.Passed, outcome.Passed);
        foreach (var check in outcome.Checks)
        {
            // Required is the least passing numerator: it must agree with the cross-multiplied verdict.
            Assert.Equal(check.Passed, check.Numerator >= check.Required);
            Assert.True(check.Required == 0 || !Meets(check.Required - 1, check.Denominator, check.Comparison));
            Assert.Contains(check.Article, check.Explanation);
        }
    }

    private static bool Meets(long n, long d, ThresholdComparison c) => c switch
    {
        ThresholdComparison.MoreThanHalf => 2 * (Int128)n > d,
        ThresholdComparison.AtLeastOneHalf => 2 * (Int128)n >= d,
        _ => 3 * (Int128)n >= 2 * (Int128)d,
    };
}
