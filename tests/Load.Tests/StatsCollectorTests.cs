using CaseGrains.Load.Engine;

namespace CaseGrains.Load.Tests;

public sealed class StatsCollectorTests
{
    [Fact]
    public async Task Callers_racing_on_a_new_step_get_one_step_and_the_report_lists_it_once_with_every_call()
    {
        var stats = new StatsCollector();
        using var start = new ManualResetEventSlim();
        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            for (var i = 0; i < 500; i++) await stats.MeasureAsync($"step {i % 5}", () => Task.FromResult(Response.Ok()));
        })).ToList();
        start.Set();
        await Task.WhenAll(callers);

        var report = stats.Report(TimeSpan.FromSeconds(1));
        Assert.Equal(5, report.Count);
        Assert.Equal(5, report.Select(r => r.Name).Distinct().Count());
        Assert.All(report, r => Assert.Equal(800, r.Ok));
    }
}
