using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// As <see cref="InProcessMonitoring"/> with five measured iterations: for the 1,000,000-entry ledger, where one
/// iteration may take seconds and the seeded database is shared by every benchmark of the process.
/// </summary>
public sealed class InProcessFewIterations : ManualConfig
{
    public InProcessFewIterations() =>
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true)));
}
