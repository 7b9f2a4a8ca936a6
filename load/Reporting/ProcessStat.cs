using System.Globalization;

namespace CaseGrains.Load.Reporting;

/// <summary>What the CPU accounting reads of one process's /proc/[pid]/stat line: its parent and its CPU time in clock ticks.</summary>
public sealed record ProcessStat(int Parent, long Own, long ReapedChildren)
{
    /// <summary>Fields 4 (ppid), 14 and 15 (utime, stime), 16 and 17 (cutime, cstime), counted after the name, which ends at the last ')'.</summary>
    public static ProcessStat Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line[(line.LastIndexOf(')') + 2)..].Split(' ');
        long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
        return new ProcessStat((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
    }
}
