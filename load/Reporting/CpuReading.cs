namespace CaseGrains.Load.Reporting;

/// <summary>CPU time used so far by each process a run involves (null where it is not known), read at one moment.</summary>
/// <param name="ServerCounted">The server's CPU time is in <paramref name="Server"/> or, for a server in the generator's process, in <paramref name="Generator"/>.</param>
public sealed record CpuReading(long Timestamp, TimeSpan Generator, TimeSpan? Server, TimeSpan? Database, MachineCpuTimes? Machine, bool ServerCounted = true)
{
    /// <summary>What was used from <paramref name="start"/> until this reading, per operation.</summary>
    public CpuUse Since(CpuReading start, long operations)
    {
        ArgumentNullException.ThrowIfNull(start);
        double PerOperation(TimeSpan used) => operations == 0 ? 0 : Math.Round(used.TotalMicroseconds / operations, 1);
        double? Each(TimeSpan? now, TimeSpan? then) => now is { } n && then is { } t ? PerOperation(n - t) : null;
        double? idle = null, stolen = null;
        if (Machine is { } m && start.Machine is { } s)
        {
            var all = (m.Busy - s.Busy + m.Idle - s.Idle + m.Stolen - s.Stolen).TotalSeconds;
            if (all > 0)
            {
                idle = Math.Round(100 * (m.Idle - s.Idle).TotalSeconds / all, 1);
                stolen = Math.Round(100 * (m.Stolen - s.Stolen).TotalSeconds / all, 1);
            }
        }
        return new CpuUse(operations, Math.Round(System.Diagnostics.Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds, 2),
            PerOperation(Generator - start.Generator), Each(Server, start.Server), Each(Database, start.Database), idle, stolen,
            ServerCounted && start.ServerCounted);
    }
}
