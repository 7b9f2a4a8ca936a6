using System.Globalization;
using CaseGrains.Load.Reporting;
using CaseGrains.Load.Targets;
using CaseGrains.Load.Voting;

namespace CaseGrains.Load.Cli;

/// <summary>live-meeting and many-meetings: runs the voting scenario on the real path and, if asked, on the baseline; reports the targets.</summary>
public static class LiveMeetingCommand
{
    public static LiveMeetingOptions Options(Arguments args, bool many)
    {
        var options = Parse(args, many);
        if (options.Rounds < 1) throw new ArgumentException($"--rounds must be 1 or more, not {options.Rounds}.");
        if (options.Rounds > 1 && !options.MeasureNoop) throw new ArgumentException("--rounds alternates the no-op hub call with the votes, so it cannot go with --no-noop.");
        if (options.Rounds > 1 && options.RampSeconds > 0) throw new ArgumentException("--rounds cannot go with --ramp: every slice would ramp up again.");
        return options;
    }

    private static LiveMeetingOptions Parse(Arguments args, bool many) => new()
    {
        Meetings = args.Int("meetings", many ? 10 : 1),
        CreditorsPerMeeting = args.Int("creditors", many ? 100 : 1000),
        Rate = args.Int("rate", args.Text("concurrency") is null ? 1000 : 0),
        Concurrency = args.Int("concurrency", 0),
        RampSeconds = args.Double("ramp", 0),
        DurationSeconds = args.Double("duration", 20),
        WarmUpSeconds = args.Double("warmup", 0),
        ChangeFraction = args.Double("change-fraction", 0.2),
        Watchers = args.Int("watchers", 4),
        EveryoneWatches = args.Flag("everyone-watches"),
        MeasureNoop = !args.Flag("no-noop"),
        MeasureHttpNoop = args.Flag("http-noop"),
        Rounds = args.Int("rounds", 1),
        SeedParallelism = args.Int("seed-parallelism", 16),
        ConnectParallelism = args.Int("connect-parallelism", 64),
        FinalTallyTimeoutSeconds = args.Double("final-timeout", 30),
    };

    public static async Task<int> RunAsync(RunSetup setup, LiveMeetingOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var report = setup.Report;
        var settings = (Dictionary<string, string>)report.Settings;
        settings["scenario"] = options.Describe();
        settings["meetings"] = options.Meetings.ToString(CultureInfo.InvariantCulture);
        settings["creditors per meeting"] = options.CreditorsPerMeeting.ToString(CultureInfo.InvariantCulture);
        settings["load"] = options.Rate > 0 ? $"open model, {options.Rate} ballots/s offered" : $"closed model, {options.Concurrency} ballots in flight";
        settings["ramp / duration / warm-up (s)"] = $"{options.RampSeconds} / {options.DurationSeconds} / {options.WarmUpSeconds}";
        settings["rounds (a no-op slice and a vote slice each)"] = options.Rounds.ToString(CultureInfo.InvariantCulture);
        settings["change fraction"] = options.ChangeFraction.ToString(CultureInfo.InvariantCulture);
        settings["watchers per meeting"] = options.Watchers.ToString(CultureInfo.InvariantCulture);
        settings["every creditor watches"] = options.EveryoneWatches.ToString();
        settings["generator"] = setup.Generator;

        await using var database = setup.Url is null ? await EmbeddedDatabase.StartAsync() : null;
        var outcomes = new List<LiveMeetingOutcome>();
        foreach (var (label, baseline) in setup.Servers())
        {
            await using var target = await setup.StartAsync(database, label, baseline);
            var run = new ServerRun { Label = label, Target = target.Description, ServerSettings = target.ServerSettings };
            report.Runs.Add(run);
            var runOptions = options with { RunTag = options.RunTag + (baseline ? "b" : ""), MeasureNoop = options.MeasureNoop && !baseline, MeasureHttpNoop = options.MeasureHttpNoop && !baseline, Rounds = baseline ? 1 : options.Rounds };
            outcomes.Add(await new LiveMeetingRun(target, runOptions, log).RunAsync(run, cancellationToken));
        }
        AddTargets(report, options, outcomes[0], outcomes.Count > 1 ? outcomes[1] : null, report.Runs[0].Rounds);
        return await setup.FinishAsync(log);
    }

    private static void AddTargets(RunReport report, LiveMeetingOptions options, LiveMeetingOutcome real, LiveMeetingOutcome? baseline, IReadOnlyList<RateRound> rounds)
    {
        var c = CultureInfo.InvariantCulture;
        var closed = options.Rate == 0;
        report.Targets.Add(new TargetResult("≥ 10,000 acknowledged votes/s sustained for 60 s (one meeting)",
            string.Create(c, $"{real.VoteOkPerSecond:N0}/s mean, {real.VoteSustainedOkPerSecond?.ToString("N0", c) ?? "–"}/s in the worst full second, over {real.VoteSeconds:0.#} s ({options.Meetings} meeting(s))"),
            options.DurationSeconds >= 60 && options.Meetings == 1 && options.Rounds == 1 ? real.VoteSustainedOkPerSecond >= 10_000 : null));
        report.Targets.Add(new TargetResult("p99 acknowledgement < 50 ms at 5,000 votes/s",
            string.Create(c, $"p99 {real.VoteP99Ms:0.0} ms{(options.Rounds > 1 ? " (the worst round's)" : "")} at {real.VoteOkPerSecond:N0}/s ({(closed ? $"{options.Concurrency} in flight" : $"{options.Rate}/s offered")})"),
            options.Rate == 5000 ? real.VoteP99Ms < 50 && real.VoteOkPerSecond >= 4750 : null));
        if (baseline is not null)
        {
            report.Comparisons.Add(new Comparison("votes: real path ÷ baseline (each ballot its own transaction)", real.VoteOkPerSecond, baseline.VoteOkPerSecond, "ack/s"));
            report.Targets.Add(new TargetResult("≥ 5 × the baseline's throughput",
                string.Create(c, $"{real.VoteOkPerSecond:N0} ÷ {baseline.VoteOkPerSecond:N0} = {real.VoteOkPerSecond / Math.Max(1, baseline.VoteOkPerSecond):0.0}×") +
                (closed ? "" : " (open model: both capped by the offered rate; use --concurrency for the ratio)"),
                closed ? real.VoteOkPerSecond >= 5 * baseline.VoteOkPerSecond : null));
        }
        if (real.NoopOkPerSecond is { } noop)
        {
            report.Comparisons.Add(new Comparison("votes ÷ no-op hub calls", real.VoteOkPerSecond, noop, "ok/s"));
            report.Targets.Add(new TargetResult("≥ ½ the rate of a no-op hub call (same run, same generator)",
                string.Create(c, $"{real.VoteOkPerSecond:N0} ÷ {noop:N0} = {real.VoteOkPerSecond / Math.Max(1, noop):0.00}") + RoundsSpread(rounds) +
                (closed ? "" : " (open model: both capped by the offered rate)"),
                closed ? real.VoteOkPerSecond >= noop / 2 : null));
        }
        if (real is { VoteCpu: { EveryProcessCounted: true } voteCpu, NoopCpu: { EveryProcessCounted: true } noopCpu })
            report.Comparisons.Add(new Comparison(
                "CPU time per no-op hub call ÷ per vote, every process counted (the rate ratio the CPU alone allows, were the machine never idle)",
                noopCpu.TotalMicroseconds, voteCpu.TotalMicroseconds, "µs"));
        if (real.HttpNoopOkPerSecond is { } http)
            report.Comparisons.Add(new Comparison("votes ÷ no-op HTTP calls", real.VoteOkPerSecond, http, "ok/s"));
        report.Targets.Add(new TargetResult("10,000 concurrent WebSocket connections in one meeting, each seeing the final tally within 1 s of the last commit",
            string.Create(c, $"{real.ConnectionsThatSawFinal:N0} of {real.ConnectionsWatchingFinal:N0} watching connections saw it; the slowest {real.FinalTallyMaxMs?.ToString("N0", c) ?? "–"} ms after the last ballot's moment (see the measure)"),
            options.EveryoneWatches && real.ConnectionsWatchingFinal >= 10_000 && options.Meetings == 1
                ? real.ConnectionsThatSawFinal == real.ConnectionsWatchingFinal && real.FinalTallyMaxMs <= 1000
                : null));
        report.Targets.Add(new TargetResult("zero lost acknowledged votes",
            $"{real.AcknowledgedVotesMissing} of {real.VotesAcknowledged:N0} acknowledged ballots missing from the stored rows" + (baseline is null ? "" : $" (baseline: {baseline.AcknowledgedVotesMissing} of {baseline.VotesAcknowledged:N0})"),
            real.AcknowledgedVotesMissing == 0 && (baseline?.AcknowledgedVotesMissing ?? 0) == 0 && real.ChecksPassed));
    }

    /// <summary>How far the rounds' own ratios spread around the ratio over all of them; empty for a run without rounds.</summary>
    private static string RoundsSpread(IReadOnlyList<RateRound> rounds)
    {
        if (rounds.Count == 0) return "";
        var ratios = rounds.Select(r => r.Ratio).Order().ToList();
        var median = ratios.Count % 2 == 1 ? ratios[ratios.Count / 2] : (ratios[ratios.Count / 2 - 1] + ratios[ratios.Count / 2]) / 2;
        return string.Create(CultureInfo.InvariantCulture,
            $" over {rounds.Count} alternating rounds; the rounds' own ratios {ratios[0]:0.00} to {ratios[^1]:0.00}, median {median:0.00}, {ratios.Count(r => r >= 0.5)} of {ratios.Count} at ½ or more");
    }
}
