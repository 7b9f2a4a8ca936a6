using CaseGrains.Load.Reporting;

namespace CaseGrains.Load.Engine;

/// <summary>
/// One step's headline figures over several slices of a scenario run apart (rounds that alternate with another
/// scenario): counts and seconds added up, the rate over all the slices' seconds, the worst full second and the worst
/// slice's p99 (percentiles of separate slices do not add up, so this is an upper bound), CPU time pooled.
/// </summary>
public sealed record PooledStep(double OkPerSecond, long? SustainedOkPerSecond, double Seconds, double P99Ms, long Ok, long Failed, CpuUse? Cpu)
{
    public static PooledStep Of(IReadOnlyList<ScenarioReport> slices, string step)
    {
        ArgumentOutOfRangeException.ThrowIfZero(slices.Count);
        var steps = slices.Select(s => s.Step(step)).ToList();
        var seconds = slices.Sum(s => s.DurationSeconds);
        var ok = steps.Sum(s => s?.Ok ?? 0);
        // One slice keeps its own rate, which its runner took over the unrounded duration.
        var okPerSecond = slices.Count == 1 ? steps[0]?.OkPerSecond ?? 0 : seconds > 0 ? Math.Round(ok / seconds, 1) : 0;
        var sustained = steps.Select(s => s?.SustainedOkPerSecond).OfType<long>().ToList();
        return new PooledStep(
            okPerSecond,
            sustained.Count > 0 ? sustained.Min() : null,
            Math.Round(seconds, 3),
            steps.Max(s => s?.Latency.P99Ms ?? 0),
            ok,
            steps.Sum(s => s?.Failed ?? 0),
            CpuUse.Pool([.. slices.Select(s => s.Cpu)]));
    }
}
