using System.Collections.Concurrent;
using System.Diagnostics;

namespace CaseGrains.Load.Engine;

/// <summary>What one step did during a measured run: ok and failed counts, latencies of the ok ones, bytes, errors, and ok per second.</summary>
public sealed class StepStats(string name, long startTimestamp)
{
    private const int MaxDistinctErrors = 20;
    private readonly ConcurrentDictionary<string, long> errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, long> okPerSecond = new();
    private long ok;
    private long failed;
    private long bytes;

    public string Name { get; } = name;
    public LatencyHistogram Latency { get; } = new();
    public long Ok => Interlocked.Read(ref ok);
    public long Failed => Interlocked.Read(ref failed);
    public long Bytes => Interlocked.Read(ref bytes);

    public void Record(Response response, long elapsedMicroseconds, long endTimestamp)
    {
        Interlocked.Add(ref bytes, response.Bytes);
        if (response.IsOk)
        {
            Interlocked.Increment(ref ok);
            Latency.Record(elapsedMicroseconds);
            var second = (endTimestamp - startTimestamp) / Stopwatch.Frequency;
            okPerSecond.AddOrUpdate(second, 1, static (_, n) => n + 1);
        }
        else
        {
            Interlocked.Increment(ref failed);
            var error = response.Error ?? "failed";
            if (errors.Count < MaxDistinctErrors || errors.ContainsKey(error)) errors.AddOrUpdate(error, 1, static (_, n) => n + 1);
            else errors.AddOrUpdate("(other errors)", 1, static (_, n) => n + 1);
        }
    }

    public StepReport Report(TimeSpan duration)
    {
        var seconds = Math.Max(duration.TotalSeconds, 1e-9);
        var lastSecond = okPerSecond.IsEmpty ? -1 : okPerSecond.Keys.Max();
        var perSecond = Enumerable.Range(0, (int)lastSecond + 1).Select(s => okPerSecond.GetValueOrDefault(s)).ToList();
        var wholeSeconds = (int)Math.Floor(duration.TotalSeconds);
        // The first and last seconds are partial; "sustained" is the worst full second between them.
        var inner = Enumerable.Range(1, Math.Max(0, wholeSeconds - 2)).Select(s => okPerSecond.GetValueOrDefault(s)).ToList();
        return new StepReport(
            Name, Ok, Failed, Math.Round((Ok + Failed) / seconds, 1), Math.Round(Ok / seconds, 1),
            inner.Count > 0 ? inner.Min() : null, Latency.Summary(), Bytes, Math.Round(Bytes / seconds, 0),
            errors.OrderByDescending(e => e.Value).ToDictionary(e => e.Key, e => e.Value),
            perSecond);
    }
}

/// <summary>One step's numbers, as the report shows them.</summary>
/// <param name="RequestsPerSecond">Ok and failed, over the measured duration.</param>
/// <param name="SustainedOkPerSecond">The fewest ok completions in any full second of the run but the first and the last.</param>
/// <param name="OkPerSecondSeries">Ok completions counted per second from the start of measurement.</param>
public sealed record StepReport(
    string Name,
    long Ok,
    long Failed,
    double RequestsPerSecond,
    double OkPerSecond,
    long? SustainedOkPerSecond,
    LatencySummary Latency,
    long Bytes,
    double BytesPerSecond,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyList<long> OkPerSecondSeries);
