using CaseGrains.Load.Engine;

namespace CaseGrains.Load.Tests;

public sealed class PooledStepTests
{
    [Fact]
    public void Slices_pool_to_their_ok_over_their_seconds_with_the_worst_second_and_the_worst_p99()
    {
        var slices = new[]
        {
            Slice("vote, round 1 of 2", seconds: 2, ok: 20_000, failed: 1, sustained: 9_000, p99Ms: 40),
            Slice("vote, round 2 of 2", seconds: 3, ok: 45_000, failed: 2, sustained: 14_000, p99Ms: 25),
        };

        var pooled = PooledStep.Of(slices, "vote");

        Assert.Equal(13_000, pooled.OkPerSecond);
        Assert.Equal(5, pooled.Seconds);
        Assert.Equal(65_000, pooled.Ok);
        Assert.Equal(3, pooled.Failed);
        Assert.Equal(9_000, pooled.SustainedOkPerSecond);
        Assert.Equal(40, pooled.P99Ms);
    }

    [Fact]
    public void One_slice_pools_to_its_own_figures()
    {
        // The runner took the rate over the unrounded duration, so it need not equal ok over the reported seconds.
        var slice = Slice("vote", seconds: 2.5, ok: 10_001, failed: 0, sustained: 3_900, p99Ms: 12.5, okPerSecond: 4_000.1);

        var pooled = PooledStep.Of([slice], "vote");

        Assert.Equal(4_000.1, pooled.OkPerSecond);
        Assert.Equal(3_900, pooled.SustainedOkPerSecond);
        Assert.Equal(12.5, pooled.P99Ms);
    }

    private static ScenarioReport Slice(string name, double seconds, long ok, long failed, long sustained, double p99Ms, double? okPerSecond = null)
    {
        var latency = new LatencySummary(ok, 1, 5, 90, 4, 6, 10, p99Ms);
        var step = new StepReport("vote", ok, failed, Math.Round((ok + failed) / seconds, 1), okPerSecond ?? Math.Round(ok / seconds, 1), sustained, latency, 0, 0,
            new Dictionary<string, long>(), []);
        return new ScenarioReport(name, [], 0, seconds, 0.01, ok + failed, 0, 0, [step]);
    }
}
