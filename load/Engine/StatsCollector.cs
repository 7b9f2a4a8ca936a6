using System.Collections.Concurrent;
using System.Diagnostics;

namespace CaseGrains.Load.Engine;

/// <summary>The steps' statistics of one measured run (or of a warm-up, thrown away after).</summary>
public sealed class StatsCollector
{
    private readonly ConcurrentDictionary<string, StepStats> steps = new(StringComparer.Ordinal);
    private readonly List<string> order = [];

    public long StartTimestamp { get; } = Stopwatch.GetTimestamp();

    public StepStats Step(string name)
    {
        if (steps.TryGetValue(name, out var found)) return found;
        // Under the lock, so that callers racing on a new step create it once and the report lists it once.
        lock (order)
        {
            if (steps.TryGetValue(name, out found)) return found;
            var stats = new StepStats(name, StartTimestamp);
            steps[name] = stats;
            order.Add(name);
            return stats;
        }
    }

    /// <summary>Runs <paramref name="action"/> as the step <paramref name="name"/>: timed, and failed if it throws.</summary>
    public async Task<Response> MeasureAsync(string name, Func<Task<Response>> action)
    {
        var stats = Step(name);
        var start = Stopwatch.GetTimestamp();
        Response response;
        try
        {
            response = await action();
        }
        catch (Exception e)
        {
            response = Response.Fail(Describe(e));
        }
        var end = Stopwatch.GetTimestamp();
        stats.Record(response, (long)Stopwatch.GetElapsedTime(start, end).TotalMicroseconds, end);
        return response;
    }

    public IReadOnlyList<StepReport> Report(TimeSpan duration)
    {
        lock (order) return [.. order.Select(n => steps[n].Report(duration))];
    }

    /// <summary>An error as the report counts it: its type and a message without ids, so that equal causes group together.</summary>
    public static string Describe(Exception e)
    {
        var message = e.Message.Length > 160 ? e.Message[..160] : e.Message;
        message = System.Text.RegularExpressions.Regex.Replace(message, "[0-9]+", "#");
        return $"{e.GetType().Name}: {message}";
    }
}
