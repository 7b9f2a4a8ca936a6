using System.Diagnostics;

namespace CaseGrains.WebFront.Diagnostics;

/// <summary>Whether a process, known only by its id, still runs.</summary>
public static class ProcessLiveness
{
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
