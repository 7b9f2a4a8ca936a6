using System.Diagnostics;

namespace CaseGrains.Load.Reporting;

/// <summary>CPU time used so far by each process a run involves (null where it is not known), read at one moment.</summary>
/// <param name="ServerCounted">The server's CPU time is in <paramref name="Server"/> or, for a server in the generator's process, in <paramref name="Generator"/>.</param>
public sealed record CpuReading(long Timestamp, TimeSpan Generator, TimeSpan? Server, TimeSpan? Database, MachineCpuTimes? Machine, bool ServerCounted = true)
{
    /// <summary>What was used from <paramref name="start"/> until this reading, per operation; null when there were no operations.</summary>
    public CpuUse? Since(CpuReading start, long operations)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (operations <= 0) return null;
        double PerOperation(TimeSpan used) => Math.Round(used.TotalMicroseconds / operations, 1);
        double? PerOperationIfKnown(TimeSpan? now, TimeSpan? then) => now is { } n && then is { } t ? PerOperation(n - t) : null;
        double? idle = null, stolen = null;
        if (Machine is { } end && start.Machine is { } begin)
        {
            var all = (end.Busy - begin.Busy + end.Idle - begin.Idle + end.Stolen - begin.Stolen).TotalSeconds;
            if (all > 0)
            {
                idle = Math.Round(100 * (end.Idle - begin.Idle).TotalSeconds / all, 1);
                stolen = Math.Round(100 * (end.Stolen - begin.Stolen).TotalSeconds / all, 1);
            }
        }
        return new CpuUse(operations, Math.Round(Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds, 2),
            PerOperation(Generator - start.Generator), PerOperationIfKnown(Server, start.Server), PerOperationIfKnown(Database, start.Database), idle, stolen,
            ServerCounted && start.ServerCounted);
    }
}
