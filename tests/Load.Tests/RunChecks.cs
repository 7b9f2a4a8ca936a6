using CaseGrains.Load.Reporting;

namespace CaseGrains.Load.Tests;

/// <summary>The assertion every load-scenario test starts with: the run's own checks (recounts, losses, resends) all passed.</summary>
internal static class RunChecks
{
    public static void AllPassed(ServerRun run)
    {
        var failed = run.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Detail}").ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }
}
