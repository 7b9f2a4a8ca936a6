namespace CaseGrains.Load.Reporting;

/// <summary>Everything one run of the generator measured and checked; written as JSON and Markdown.</summary>
public sealed class RunReport
{
    public required string Scenario { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string CommandLine { get; init; }
    public required MachineInfo Machine { get; init; }
    public required GitInfo Git { get; init; }
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    public double[] LoadAverageAtEnd { get; set; } = [];
    public List<ServerRun> Runs { get; } = [];
    public List<Comparison> Comparisons { get; } = [];
    public List<TargetResult> Targets { get; } = [];
    public List<string> Notes { get; } = [];

    public bool Passed => Runs.All(r => r.Checks.All(c => c.Passed));
}

/// <summary>One server (the real path or the baseline) and what was run against it.</summary>
public sealed class ServerRun
{
    public required string Label { get; init; }
    public required string Target { get; init; }
    public required IReadOnlyDictionary<string, string?> ServerSettings { get; init; }
    public List<Engine.StepReport> Setup { get; } = [];
    public double SetupSeconds { get; set; }
    public List<Engine.ScenarioReport> Scenarios { get; } = [];

    /// <summary>The no-op and vote rates round by round, when the run alternated them in slices (--rounds).</summary>
    public List<RateRound> Rounds { get; } = [];
    public List<Measure> Measures { get; } = [];
    public List<Check> Checks { get; } = [];
}

/// <summary>A distribution measured outside the steps (how soon watchers saw a vote), with what exactly it measures.</summary>
public sealed record Measure(string Name, string Definition, Engine.LatencySummary Latency, IReadOnlyDictionary<string, long>? Counts = null);

/// <summary>A correctness check; a failed one fails the run.</summary>
public sealed record Check(string Name, bool Passed, string Detail);

/// <summary>A ratio of two figures measured in the same run (rates, or CPU time per operation).</summary>
public sealed record Comparison(string Name, double Numerator, double Denominator, string Unit)
{
    public double Ratio => Denominator == 0 ? 0 : Math.Round(Numerator / Denominator, 2);
}

/// <summary>A number the issue sets as a target, what this run got, and whether it met it (null when this run did not measure it).</summary>
public sealed record TargetResult(string Target, string Measured, bool? Met);
