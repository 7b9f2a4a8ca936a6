using System.Numerics;

namespace CaseGrains.Load.Engine;

/// <summary>
/// Latencies in microseconds, counted in fixed log-linear buckets as HdrHistogram does: exact below 128 µs, then 64
/// buckets per power of two, so a percentile is off by less than 1.6% whatever the range (up to hours) and recording
/// costs one interlocked increment, with no samples kept. Percentiles report the bucket's upper bound.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Linear = 2 * SubBuckets;
    private const int BucketCount = Linear + 40 * SubBuckets;

    private readonly long[] counts = new long[BucketCount];
    private long count;
    private long sum;
    private long min = long.MaxValue;
    private long max;

    public long Count => Interlocked.Read(ref count);
    public long MinMicroseconds => Count == 0 ? 0 : Interlocked.Read(ref min);
    public long MaxMicroseconds => Interlocked.Read(ref max);
    public double MeanMicroseconds => Count == 0 ? 0 : (double)Interlocked.Read(ref sum) / Count;

    public void Record(long microseconds)
    {
        if (microseconds < 0) microseconds = 0;
        Interlocked.Increment(ref counts[IndexOf(microseconds)]);
        Interlocked.Increment(ref count);
        Interlocked.Add(ref sum, microseconds);
        long seen;
        while (microseconds < (seen = Interlocked.Read(ref min)) && Interlocked.CompareExchange(ref min, microseconds, seen) != seen)
        {
        }
        while (microseconds > (seen = Interlocked.Read(ref max)) && Interlocked.CompareExchange(ref max, microseconds, seen) != seen)
        {
        }
    }

    /// <summary>The least value that at least <paramref name="percentile"/> percent of the recorded values do not exceed.</summary>
    public long Percentile(double percentile)
    {
        var total = Count;
        if (total == 0) return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percentile / 100.0 * total));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += Interlocked.Read(ref counts[i]);
            if (seen >= rank) return Math.Min(UpperBound(i), MaxMicroseconds);
        }
        return MaxMicroseconds;
    }

    /// <summary>How many recorded values fall in buckets no higher than the one holding <paramref name="microseconds"/>.</summary>
    public long CountAtMost(long microseconds)
    {
        long seen = 0;
        for (var i = 0; i <= IndexOf(Math.Max(0, microseconds)); i++) seen += Interlocked.Read(ref counts[i]);
        return seen;
    }

    public LatencySummary Summary() => new(
        Count, Ms(MinMicroseconds), Math.Round(MeanMicroseconds / 1000.0, 3), Ms(MaxMicroseconds),
        Ms(Percentile(50)), Ms(Percentile(75)), Ms(Percentile(95)), Ms(Percentile(99)));

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 3);

    internal static int IndexOf(long value)
    {
        if (value < Linear) return (int)value;
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits;
        var index = Linear + (shift - 1) * SubBuckets + (int)((value >> shift) - SubBuckets);
        return Math.Min(index, BucketCount - 1);
    }

    internal static long UpperBound(int index)
    {
        if (index < Linear) return index;
        var shift = (index - Linear) / SubBuckets + 1;
        var sub = (index - Linear) % SubBuckets + SubBuckets;
        return ((long)(sub + 1) << shift) - 1;
    }
}

/// <summary>A latency distribution in milliseconds.</summary>
public sealed record LatencySummary(long Count, double MinMs, double MeanMs, double MaxMs, double P50Ms, double P75Ms, double P95Ms, double P99Ms);
