namespace CaseGrains.Load.Voting;

/// <summary>How a live-meeting (or many-meetings) run goes.</summary>
public sealed record LiveMeetingOptions
{
    public int Meetings { get; init; } = 1;
    public int CreditorsPerMeeting { get; init; } = 1000;

    /// <summary>Ballots per second offered (open model); 0 to use <see cref="Concurrency"/> instead.</summary>
    public int Rate { get; init; } = 1000;

    /// <summary>Ballots in flight at once (closed model), used when <see cref="Rate"/> is 0: the way to find the ceiling.</summary>
    public int Concurrency { get; init; }

    /// <summary>Seconds to ramp from nothing up to the rate or concurrency before the constant phase.</summary>
    public double RampSeconds { get; init; }

    public double DurationSeconds { get; init; } = 20;
    public double WarmUpSeconds { get; init; }

    /// <summary>The fraction of creditors who change their vote after the first; they keep changing it until the run ends.</summary>
    public double ChangeFraction { get; init; } = 0.2;

    /// <summary>Extra connections per meeting that watch the tally (half staff, half creditors) and keep every change they see.</summary>
    public int Watchers { get; init; } = 4;

    /// <summary>Every creditor's own connection watches the meeting too (the fan-out test).</summary>
    public bool EveryoneWatches { get; init; }

    /// <summary>Measures the no-op hub call with the same load and connections before voting (needs Load:EnableNoop on the server).</summary>
    public bool MeasureNoop { get; init; } = true;

    /// <summary>
    /// Splits the duration into this many rounds, each a slice of no-op hub calls and a slice of votes (the order
    /// alternating), so that the ratio of their rates is not moved by a change of the machine's speed between two long
    /// phases. 1: the no-op call for the whole duration, then the votes.
    /// </summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Measures the no-op HTTP endpoint with the same load, over a pool of HTTP connections, as creditors.</summary>
    public bool MeasureHttpNoop { get; init; }

    public int SeedParallelism { get; init; } = 16;
    public int ConnectParallelism { get; init; } = 64;
    public double FinalTallyTimeoutSeconds { get; init; } = 30;
    public int RandomSeed { get; init; } = 20260301;

    /// <summary>Prefix of case ids, unique per run so that runs against one server do not collide.</summary>
    public string RunTag { get; init; } = $"ld{DateTime.UtcNow:yyMMddHHmmss}";

    public string Describe() =>
        $"{Meetings} meeting(s) × {CreditorsPerMeeting} creditors, " +
        (Rate > 0 ? $"{Rate} ballots/s" : $"{Concurrency} ballots in flight") +
        (RampSeconds > 0 ? $" after a {RampSeconds:0.#} s ramp" : "") + $" for {DurationSeconds:0.#} s" +
        (Rounds > 1 ? $" in {Rounds} rounds of a no-op slice and a vote slice, {DurationSeconds / Rounds:0.##} s each" : "") + $", warm-up {WarmUpSeconds:0.#} s, " +
        $"{ChangeFraction:P0} change their vote, {Watchers} watcher(s) per meeting{(EveryoneWatches ? ", every creditor watching" : "")}";
}
