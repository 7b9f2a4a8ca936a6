using System.Runtime;
using System.Runtime.InteropServices;

namespace CaseGrains.Load.Reporting;

/// <summary>The machine a run was measured on, and how busy it was (other builds share it).</summary>
public sealed record MachineInfo(
    string Host,
    int Cores,
    string? CpuModel,
    long MemoryMegabytes,
    string OperatingSystem,
    string DotNet,
    string Architecture,
    bool ServerGc,
    double[] LoadAverageAtStart)
{
    public static MachineInfo Capture() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        ReadCpuModel(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        GCSettings.IsServerGC,
        LoadAverage());

    /// <summary>The 1, 5 and 15 minute load averages (runnable processes); empty where /proc is missing.</summary>
    public static double[] LoadAverage()
    {
        try
        {
            return [.. File.ReadAllText("/proc/loadavg").Split(' ').Take(3).Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return [];
        }
    }

    private static string? ReadCpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
