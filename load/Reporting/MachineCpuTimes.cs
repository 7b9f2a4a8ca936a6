using System.Globalization;

namespace CaseGrains.Load.Reporting;

/// <summary>The whole machine's CPU time so far, from the first line of /proc/stat.</summary>
public sealed record MachineCpuTimes(TimeSpan Busy, TimeSpan Idle, TimeSpan Stolen)
{
    public static MachineCpuTimes? Read()
    {
        var line = File.ReadLines("/proc/stat").FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal));
        if (line is null) return null;
        var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal
        return new MachineCpuTimes(CpuAccount.Ticks(t[0] + t[1] + t[2] + t[5] + t[6]), CpuAccount.Ticks(t[3] + t[4]), CpuAccount.Ticks(t.Length > 7 ? t[7] : 0));
    }
}
