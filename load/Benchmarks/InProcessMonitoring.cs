using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// Ten measured iterations after one warm-up, in this process, so that the seeded database and server (minutes to
/// build at 100,000 creditors) are shared by every benchmark; the default in-process time limit is too short for that.
/// </summary>
public sealed class InProcessMonitoring : ManualConfig
{
    public InProcessMonitoring() =>
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(10)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true)));
}
