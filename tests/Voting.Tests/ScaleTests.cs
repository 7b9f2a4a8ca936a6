using System.Diagnostics;
using CaseGrains.Claims;
using CaseGrains.Meetings.Voting;
using Xunit.Abstractions;

namespace CaseGrains.Voting.Tests;

/// <summary>A meeting of 100,000 voters taking ballots at far more than 10,000 per second.</summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    private const int Voters = 100_000;

    [Theory]
    [InlineData(ResolutionKind.Ordinary)]
    [InlineData(ResolutionKind.ReorganizationPlan)]
    public void Counting_a_ballot_allocates_nothing_at_100000_voters(ResolutionKind kind)
    {
        var rng = new Random(7);
        var voters = new Voter[Voters];
        for (int i = 0; i < Voters; i++)
        {
            var claims = new[]
            {
                new VoterClaim($"c{i}a", ClaimClass.Ordinary, rng.Next(1, 1_000_000), 0, false, true, null),
                new VoterClaim($"c{i}b", (ClaimClass)(i % 3), 5_000_000, i % 5 == 0 ? 2_000_000 : 0, false, true, null),
            };
            voters[i] = new Voter($"creditor-{i}", claims);
        }

        var buildTime = Stopwatch.StartNew();
        var tally = new Tally(VotingRoll.Create(voters, smallAmountThresholdFen: 5_500_000), kind, VotingRuleSet.PrcEbl);
        buildTime.Stop();

        var ids = voters.Select(v => v.CreditorId).ToArray();
        var choices = Enum.GetValues<VoteChoice>();
        const int ballots = 300_000;
        var plan = Enumerable.Range(0, ballots).Select(_ => (ids[rng.Next(Voters)], choices[rng.Next(3)])).ToArray();

        tally.Record(ids[0], VoteChoice.For); // warm up
        var recordTime = Stopwatch.StartNew();
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        foreach (var (id, choice) in plan)
        {
            tally.Record(id, choice);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        recordTime.Stop();

        var viewTime = Stopwatch.StartNew();
        var view = tally.View();
        var outcome = tally.Evaluate();
        viewTime.Stop();

        output.WriteLine($"{kind}: build {buildTime.ElapsedMilliseconds} ms, {ballots} ballots {recordTime.ElapsedMilliseconds} ms "
            + $"({ballots / Math.Max(recordTime.Elapsed.TotalSeconds, 1e-6):N0}/s), view+evaluate {viewTime.Elapsed.TotalMilliseconds:N2} ms, {allocated} bytes allocated");
        // One small object per ballot would be megabytes here; the runtime's own one-time work on this thread (tiering up the
        // loop) has been seen to take a few kB on a busy machine. Speed is measured by load/'s TallyBenchmarks, not asserted.
        Assert.True(allocated < 64 * 1024, $"{ballots:N0} ballots allocated {allocated:N0} bytes");
        Assert.True(view.VotesRecorded > 90_000);
        Assert.NotEmpty(outcome.Checks);
    }
}
