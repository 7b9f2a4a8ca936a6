using System.Diagnostics;
using CaseGrains.Load.Reporting;

namespace CaseGrains.Load.Engine;

/// <summary>
/// Runs a scenario as its load simulations say (NBomber's runner, kept small): a warm-up whose numbers are thrown
/// away, then the simulations one after another, then a wait for the invocations still in flight. The measured
/// duration runs until the last invocation ended, so rates are never flattered by work that finished late.
/// </summary>
public static class ScenarioRunner
{
    public static async Task<ScenarioReport> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        if (scenario.Simulations.Count == 0) throw new ArgumentException("A scenario needs at least one load simulation.", nameof(scenario));
        if (scenario.WarmUp > TimeSpan.Zero)
            await new Execution(scenario, new StatsCollector(), isWarmUp: true, cancellationToken).RunAsync([WarmUpOf(scenario.Simulations[0], scenario.WarmUp)]);

        var stats = new StatsCollector();
        var cpuBefore = scenario.Cpu?.Read();
        var outcome = await new Execution(scenario, stats, isWarmUp: false, cancellationToken).RunAsync(scenario.Simulations);
        var steps = stats.Report(outcome.Duration);
        var cpu = scenario.Cpu?.Read().Since(cpuBefore!, steps.Sum(s => s.Ok));
        return new ScenarioReport(
            scenario.Name,
            [.. scenario.Simulations.Select(s => s.Describe())],
            scenario.WarmUp.TotalSeconds,
            Math.Round(outcome.Duration.TotalSeconds, 3),
            Math.Round(outcome.Drain.TotalSeconds, 3),
            outcome.Started,
            outcome.Dropped,
            outcome.Unfinished,
            steps,
            cpu);
    }

    private static LoadSimulation WarmUpOf(LoadSimulation first, TimeSpan during) => first switch
    {
        InjectSimulation i => i with { During = during },
        RampingInjectSimulation r => r with { During = during },
        KeepConstantSimulation k => k with { During = during },
        RampingConstantSimulation c => c with { During = during },
        _ => throw new NotSupportedException(first.GetType().Name),
    };

    private sealed record Outcome(TimeSpan Duration, TimeSpan Drain, long Started, long Dropped, long Unfinished);

    private sealed class Execution(Scenario scenario, StatsCollector stats, bool isWarmUp, CancellationToken cancellationToken)
    {
        private long started;
        private long inFlight;
        private long dropped;

        public async Task<Outcome> RunAsync(IReadOnlyList<LoadSimulation> simulations)
        {
            var begin = Stopwatch.GetTimestamp();
            double previousRate = 0;
            var previousCopies = 0;
            foreach (var simulation in simulations)
            {
                switch (simulation)
                {
                    case InjectSimulation i:
                        var rate = i.Rate / i.Interval.TotalSeconds;
                        await InjectAsync(_ => rate, i.During);
                        (previousRate, previousCopies) = (rate, 0);
                        break;
                    case RampingInjectSimulation r:
                        var (from, to) = (previousRate, r.Rate / r.Interval.TotalSeconds);
                        await InjectAsync(t => from + (to - from) * t / r.During.TotalSeconds, r.During);
                        (previousRate, previousCopies) = (to, 0);
                        break;
                    case KeepConstantSimulation k:
                        await KeepAsync(_ => k.Copies, k.Copies, k.During);
                        (previousRate, previousCopies) = (0, k.Copies);
                        break;
                    case RampingConstantSimulation c:
                        var (fromCopies, toCopies) = (previousCopies, c.Copies);
                        await KeepAsync(t => fromCopies + (toCopies - fromCopies) * t / c.During.TotalSeconds, Math.Max(fromCopies, toCopies), c.During);
                        (previousRate, previousCopies) = (0, c.Copies);
                        break;
                }
            }
            var phasesEnd = Stopwatch.GetTimestamp();
            var drainLimit = phasesEnd + (long)(scenario.DrainTimeout.TotalSeconds * Stopwatch.Frequency);
            while (Interlocked.Read(ref inFlight) > 0 && Stopwatch.GetTimestamp() < drainLimit) await Task.Delay(2, CancellationToken.None);
            var end = Stopwatch.GetTimestamp();
            return new Outcome(Stopwatch.GetElapsedTime(begin, end), Stopwatch.GetElapsedTime(phasesEnd, end),
                Interlocked.Read(ref started), Interlocked.Read(ref dropped), Interlocked.Read(ref inFlight));
        }

        /// <summary>Starts invocations at <paramref name="rateAt"/> (per second, at t seconds into the phase) from a pacing thread of its own.</summary>
        private Task InjectAsync(Func<double, double> rateAt, TimeSpan during) => Task.Factory.StartNew(() =>
        {
            var phaseStart = Stopwatch.GetTimestamp();
            var seconds = during.TotalSeconds;
            double due = 0, last = 0;
            long launched = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var t = Stopwatch.GetElapsedTime(phaseStart).TotalSeconds;
                if (t >= seconds) break;
                due += rateAt((t + last) / 2) * (t - last);
                last = t;
                for (; launched < (long)due; launched++) Launch();
                Thread.Sleep(1);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        private void Launch()
        {
            if (Interlocked.Read(ref inFlight) >= scenario.MaxInFlight)
            {
                Interlocked.Increment(ref dropped);
                return;
            }
            Interlocked.Increment(ref inFlight);
            var number = Interlocked.Increment(ref started) - 1;
            ThreadPool.UnsafeQueueUserWorkItem(static state => _ = state.Execution.InvokeAsync(state.Number), (Execution: this, Number: number), preferLocal: false);
        }

        /// <summary>Runs up to <paramref name="maxCopies"/> virtual users; user i is active while i is below <paramref name="copiesAt"/>.</summary>
        private async Task KeepAsync(Func<double, double> copiesAt, int maxCopies, TimeSpan during)
        {
            var phaseStart = Stopwatch.GetTimestamp();
            var seconds = during.TotalSeconds;
            await Task.WhenAll(Enumerable.Range(0, maxCopies).Select(async index =>
            {
                await Task.Yield();
                while (!cancellationToken.IsCancellationRequested)
                {
                    var t = Stopwatch.GetElapsedTime(phaseStart).TotalSeconds;
                    if (t >= seconds) return;
                    if (index >= copiesAt(t))
                    {
                        await Task.Delay(10, CancellationToken.None);
                        continue;
                    }
                    Interlocked.Increment(ref inFlight);
                    await InvokeAsync(Interlocked.Increment(ref started) - 1);
                }
            }));
        }

        private async Task InvokeAsync(long number)
        {
            try
            {
                await scenario.Run(new ScenarioContext(scenario.Name, number, isWarmUp, stats, cancellationToken));
            }
            catch (Exception e)
            {
                stats.Step("(scenario)").Record(Response.Fail(StatsCollector.Describe(e)), 0, Stopwatch.GetTimestamp());
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }
}

/// <summary>One scenario's measured run.</summary>
/// <param name="DurationSeconds">From the start of measurement until the last invocation ended (drain included).</param>
/// <param name="DrainSeconds">How long the invocations still in flight after the last simulation took to end.</param>
/// <param name="Dropped">Invocations an injection did not start because too many were in flight (the generator's own limit).</param>
/// <param name="Unfinished">Invocations still in flight when the drain time-out passed.</param>
/// <param name="Cpu">CPU time per successful step over the measured span, where the scenario says where to read it.</param>
public sealed record ScenarioReport(
    string Name,
    IReadOnlyList<string> Simulations,
    double WarmUpSeconds,
    double DurationSeconds,
    double DrainSeconds,
    long Started,
    long Dropped,
    long Unfinished,
    IReadOnlyList<StepReport> Steps,
    CpuUse? Cpu = null)
{
    /// <summary>The step of that name; null when no invocation reached it.</summary>
    public StepReport? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);
}
