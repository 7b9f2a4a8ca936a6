using CaseGrains.Load.Reporting;
using CaseGrains.Load.Targets;

namespace CaseGrains.Load.Cli;

/// <summary>What every command shares: where the server is (or that it starts one), the results folder, the report's header.</summary>
public sealed class RunSetup
{
    public RunSetup(string scenario, Arguments args, IReadOnlyList<string> commandLine)
    {
        Scenario = scenario;
        Url = args.Text("url") is { } url ? new Uri(url) : null;
        AdminPassword = args.Text("admin-password") ?? Testing.People.AdminPassword;
        Database = args.Text("db");
        CompareBaseline = args.Flag("compare-baseline");
        InProcess = (args.Text("server") ?? "process") switch
        {
            "process" => false,
            "in-process" => true,
            var other => throw new ArgumentException($"--server takes 'process' (a process of its own, the default) or 'in-process', not '{other}'."),
        };
        BaselineUrl = args.Text("baseline-url") is { } b ? new Uri(b) : null;
        BaselineDatabase = args.Text("baseline-db");
        Root = RepositoryRoot();
        ResultsFolder = args.Text("results") ?? Path.Combine(Root, "load", "results", $"{DateTime.Now:yyyyMMdd-HHmmss}-{scenario}");
        foreach (var setting in args.Settings)
        {
            var eq = setting.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new ArgumentException($"--set takes Key=Value, not '{setting}'.");
            ServerSettings[setting[..eq]] = setting[(eq + 1)..];
        }
        if (CompareBaseline && Url is not null && BaselineUrl is null)
            throw new ArgumentException("--compare-baseline against --url needs --baseline-url: a second server started with Meetings__CommitEachBallot=true.");
        Report = new RunReport
        {
            Scenario = scenario,
            StartedAt = DateTimeOffset.Now,
            CommandLine = "dotnet run -c Release --project load -- " + string.Join(' ', commandLine),
            Machine = MachineInfo.Capture(),
            Git = GitInfo.Capture(Root),
            Settings = new Dictionary<string, string>(),
        };
    }

    public string Scenario { get; }
    public Uri? Url { get; }
    public string AdminPassword { get; }
    public string? Database { get; }
    public bool CompareBaseline { get; }

    /// <summary>Whether a server started here runs inside the generator's process (--server in-process) rather than in its own.</summary>
    public bool InProcess { get; }
    public Uri? BaselineUrl { get; }
    public string? BaselineDatabase { get; }
    public string Root { get; }
    public string ResultsFolder { get; }

    /// <summary>Extra settings for servers started here (--set Key=Value), on top of <see cref="LoadTarget.DefaultServerSettings"/>.</summary>
    public Dictionary<string, string?> ServerSettings { get; } = new(StringComparer.Ordinal);

    public RunReport Report { get; }

    /// <summary>The servers to run against: the real path, then (when asked) the baseline.</summary>
    public IEnumerable<(string Label, bool Baseline)> Servers()
    {
        yield return ("real path (group commit)", false);
        if (CompareBaseline) yield return ("baseline (each ballot its own transaction)", true);
    }

    /// <summary>How the generator and the server share the machine, for the report.</summary>
    public string Generator => Url is not null ? "own process, server at --url"
        : InProcess ? "same process as the server (--server in-process; embedded PostgreSQL, fsync on)"
        : "own process; the server in another process it started (embedded PostgreSQL, fsync on)";

    public async Task<LoadTarget> StartAsync(EmbeddedDatabase? database, string label, bool baseline)
    {
        if (Url is not null)
            return baseline
                ? LoadTarget.Remote(BaselineUrl!, AdminPassword, BaselineDatabase, label)
                : LoadTarget.Remote(Url, AdminPassword, Database, label);
        var settings = LoadTarget.DefaultServerSettings(baseline);
        foreach (var (k, v) in ServerSettings) settings[k] = v;
        return InProcess ? await LoadTarget.StartAsync(database!, settings, label) : await LoadTarget.StartProcessAsync(database!, settings, label);
    }

    public async Task<int> FinishAsync(TextWriter log)
    {
        Report.LoadAverageAtEnd = MachineInfo.LoadAverage();
        var folder = await ReportWriter.WriteAsync(Report, ResultsFolder);
        log.WriteLine();
        log.WriteLine(ReportWriter.Markdown(Report));
        log.WriteLine($"Report: {Path.Combine(folder, "report.md")} and report.json");
        log.WriteLine(Report.Passed ? "All checks passed." : "A CHECK FAILED: see the report.");
        return Report.Passed ? 0 : 1;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CaseGrains.sln"))) return dir.FullName;
        }
        return Environment.CurrentDirectory;
    }
}
