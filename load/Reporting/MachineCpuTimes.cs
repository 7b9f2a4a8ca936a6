using System.Globalization;

namespace CaseGrains.Load.Reporting;

/// <summary>The whole machine's CPU time so far, from the first line of /proc/stat; idle includes waiting on I/O.</summary>
public sealed record MachineCpuTimes(TimeSpan Busy, TimeSpan Idle, TimeSpan Stolen)
{
    public static MachineCpuTimes? Read() =>
        File.Exists("/proc/stat") ? Parse(File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal))) : null;

    /// <summary>The "cpu" line: user nice system idle iowait irq softirq steal, in clock ticks.</summary>
    public static MachineCpuTimes? Parse(string? line)
    {
        if (line is null) return null;
        var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new MachineCpuTimes(
            CpuAccount.FromClockTicks(t[0] + t[1] + t[2] + t[5] + t[6]),
            CpuAccount.FromClockTicks(t[3] + t[4]),
            CpuAccount.FromClockTicks(t.Length > 7 ? t[7] : 0));
    }
}
