using System.Diagnostics;

namespace CaseGrains.Load.Reporting;

/// <summary>The commit the measured code was built from, and whether the work tree had changes on top.</summary>
public sealed record GitInfo(string? Commit, string? Branch, bool? Dirty)
{
    public static GitInfo Capture(string directory) =>
        new(Git(directory, "rev-parse HEAD"), Git(directory, "rev-parse --abbrev-ref HEAD"), Git(directory, "status --porcelain --untracked-files=no") is { } s ? s.Length > 0 : null);

    private static string? Git(string directory, string arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git", arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
