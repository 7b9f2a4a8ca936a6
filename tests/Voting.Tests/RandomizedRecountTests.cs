using CaseGrains.Claims;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Voting.Tests;

/// <summary>Random rolls and ballot sequences: after every step the incremental tally must equal a naive recount.</summary>
public sealed class RandomizedRecountTests
{
    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Incremental_tally_equals_a_recount_from_scratch(int seed)
    {
        var rng = new Random(seed);
        for (int round = 0; round < 25; round++)
        {
            RunOne(rng);
        }
    }

    private static void RunOne(Random rng)
    {
        var voters = Enumerable.Range(0, rng.Next(0, 25)).Select(i => RandomVoter(rng, $"v{i}")).ToArray();
        // Aim the small-amount threshold at a claim's exact amount now and then, to hit the "at most" edge.
        var amounts = voters.SelectMany(v => v.Claims).Select(c => c.AmountFen).Where(a => a > 0).ToArray();
        long threshold = rng.Next(3) switch
        {
            0 => 0,
            1 when amounts.Length > 0 => Pick(rng, amounts),
            _ => rng.Next(1, 5000),
        };
        var kind = Pick(rng, Enum.GetValues<ResolutionKind>());
        var rules = Pick(rng, Enum.GetValues<VotingRuleSet>());
        var roll = VotingRoll.Create(voters, threshold);

        var whole = new NaiveRecount(voters, kind, rules, threshold, null);
        VotingClass? only = null;
        if (kind == ResolutionKind.ReorganizationPlan && rng.Next(4) == 0 && whole.Classes().Count > 0)
        {
            only = Pick(rng, whole.Classes().ToArray());
        }

        var reference = new NaiveRecount(voters, kind, rules, threshold, only);
        var tally = only is VotingClass revoted ? Tally.ForClassRevote(roll, rules, revoted) : new Tally(roll, kind, rules);

        foreach (var voter in voters)
        {
            var expected = reference.Weights(voter);
            var decision = tally.Eligibility(voter.CreditorId);
            Assert.Equal(expected.Count > 0, decision.CanVote);
            Assert.Equal(expected, decision.Weights.Select(w => (w.Class, w.AmountFen)));
        }

        Compare(tally, reference);
        int steps = rng.Next(0, 4 * voters.Length + 5);
        for (int step = 0; step < steps; step++)
        {
            string id = voters.Length == 0 || rng.Next(12) == 0 ? "ghost" : voters[rng.Next(voters.Length)].CreditorId;
            if (rng.Next(4) == 0)
            {
                bool allowed = reference.MarkPresent(id);
                Assert.Equal(allowed, Try(() => tally.MarkPresent(id)));
            }
            else
            {
                var choice = Pick(rng, Enum.GetValues<VoteChoice>());
                bool allowed = reference.Record(id, choice);
                Assert.Equal(allowed, Try(() => tally.Record(id, choice)));
            }

            Compare(tally, reference);
        }
    }

    private static void Compare(Tally tally, NaiveRecount reference)
    {
        var view = tally.View();
        Assert.Equal(reference.VotesRecorded, view.VotesRecorded);
        Assert.Equal(tally.VotesRecorded, view.VotesRecorded);
        Assert.Equal(reference.Classes().Select(reference.Count), view.Classes);
        if (!reference.IsPlan && tally.Rules == VotingRuleSet.PrcEbl)
        {
            Assert.Equal(view.Classes[0].TotalFen, view.UnsecuredDenominatorFen);
        }
        else
        {
            Assert.Null(view.UnsecuredDenominatorFen);
        }

        var outcome = tally.Evaluate();
        var (checks, passed) = reference.Decide();
        Assert.Equal(checks, outcome.Checks.Select(c => new Expect(c.Numerator, c.Denominator, c.Passed)));
        Assert.Equal(passed, outcome.Passed);
        Assert.All(outcome.Checks, c => Assert.Equal(c.Passed, c.Numerator >= c.Required));
    }

    private static bool Try(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (RuleViolationException e) when (e.Kind == RuleViolation.NotAllowed)
        {
            return false;
        }
    }

    private static Voter RandomVoter(Random rng, string id)
    {
        var claims = Enumerable.Range(0, rng.Next(0, 4)).Select(i => RandomClaim(rng, $"{id}-{i}")).ToArray();
        return rng.Next(7) == 0
            ? new Voter(id, claims, IsShareholder: true, EquityFen: rng.NextInt64(1, 100_000))
            : new Voter(id, claims);
    }

    private static VoterClaim RandomClaim(Random rng, string id)
    {
        var cls = Pick(rng, Enum.GetValues<ClaimClass>());
        long amount = rng.Next(6) switch
        {
            0 => 0,
            1 => rng.Next(1, 4),
            2 => rng.NextInt64(1, 1_000_000_000_000_000),
            _ => rng.Next(1, 10_000),
        };
        long secured = rng.Next(3) switch
        {
            0 => 0,
            1 => amount,
            _ => rng.NextInt64(0, amount + 1),
        };
        bool determined = rng.Next(10) < 7;
        long? provisional = rng.Next(2) == 0 ? null : rng.NextInt64(0, amount + 2);
        return new VoterClaim(id, cls, amount, secured, rng.Next(5) == 0, determined, provisional,
            cls == ClaimClass.SocialInsuranceAndTax && rng.Next(3) == 0);
    }

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
