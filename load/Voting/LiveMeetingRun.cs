using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.Load.Engine;
using CaseGrains.Load.Reporting;
using CaseGrains.Load.Seeding;
using CaseGrains.Load.Targets;
using CaseGrains.Meetings;
using CaseGrains.Testing;
using CaseGrains.WebFront.Diagnostics;

namespace CaseGrains.Load.Voting;

/// <summary>
/// The live-meeting scenario (and, with several meetings, many-meetings): creditors connect over SignalR with their
/// own tokens, check in and vote at a set rate while a few connections watch the tally; then voting closes and the
/// tally is checked against a recount of the stored rows and every acknowledgement.
/// </summary>
public sealed class LiveMeetingRun(LoadTarget target, LiveMeetingOptions options, TextWriter log)
{
    public const string VoteStep = "vote (CastBallot until acknowledged)";
    public const string NoopStep = "no-op hub call (Ping)";
    public const string HttpNoopStep = "no-op HTTP call (POST /api/noop)";
    private readonly List<MeetingUnderLoad> meetings = [];
    private long noIdleVoter;
    private string? platformToken;

    public async Task<LiveMeetingOutcome> RunAsync(ServerRun run, CancellationToken cancellationToken = default)
    {
        using var api = new ApiClient(target.Address);
        try
        {
            await SetUpAsync(api, run, cancellationToken);
            var (noops, votes, httpNoop) = await MeasureRoundsAsync(api, run, cancellationToken);
            if (Interlocked.Read(ref noIdleVoter) > 0)
                run.Checks.Add(new Check("ballots the generator could not send", true,
                    $"{Interlocked.Read(ref noIdleVoter):N0} ballots were not sent because every creditor who changes votes had one in flight (or all had voted): the offered rate was not reached by the generator, not refused by the server"));

            var (missing, seenFinal, watching, finalMax) = await VerifyAsync(api, run, cancellationToken);
            var vote = PooledStep.Of(votes, VoteStep);
            var noop = noops.Count > 0 ? PooledStep.Of(noops, NoopStep) : null;
            return new LiveMeetingOutcome(
                vote.OkPerSecond, vote.SustainedOkPerSecond, vote.Seconds, vote.P99Ms, vote.Ok, vote.Failed,
                noop?.OkPerSecond, httpNoop, watching, seenFinal, finalMax, missing, run.Checks.All(c => c.Passed), vote.Cpu, noop?.Cpu);
        }
        finally
        {
            await DisconnectAsync();
        }
    }

    /// <summary>
    /// The no-op hub call (if asked) and the votes, in <see cref="LiveMeetingOptions.Rounds"/> rounds of one slice each:
    /// no-op first in odd rounds, votes first in even ones, so that a drift of the machine's speed falls on both alike.
    /// One round is the plain run: the no-op call for the whole duration, then the votes. The no-op HTTP call (if asked)
    /// runs once, for the whole duration, just before the first vote slice.
    /// </summary>
    private async Task<(List<ScenarioReport> Noops, List<ScenarioReport> Votes, double? HttpNoop)> MeasureRoundsAsync(ApiClient api, ServerRun run, CancellationToken cancellationToken)
    {
        var rounds = Math.Max(1, options.Rounds);
        var slice = Simulations(options.DurationSeconds / rounds);
        var noops = new List<ScenarioReport>();
        var votes = new List<ScenarioReport>();
        double? httpNoop = null;
        ServerDiagnostics? diagnostics = null;
        long noopsWatched = 0;

        async Task NoopSliceAsync(string name, TimeSpan warmUp)
        {
            if (!options.MeasureNoop) return;
            log.WriteLine($"[{target.Description}] measuring the no-op hub call{name}: {string.Join("; ", slice.Select(s => s.Describe()))}");
            var report = await ScenarioRunner.RunAsync(new Scenario("no-op hub call" + name, PingAsync) { WarmUp = warmUp, Simulations = slice, Cpu = target.Cpu }, cancellationToken);
            run.Scenarios.Add(report);
            noops.Add(report);
            if (diagnostics is not null) noopsWatched += report.Step(NoopStep)?.Ok ?? 0;
        }

        async Task VoteSliceAsync(string name, TimeSpan warmUp)
        {
            if (diagnostics is null)
            {
                httpNoop = await MeasureHttpNoopAsync(api, run, cancellationToken);
                foreach (var meeting in meetings)
                    await api.PostAsync<ResolutionView>(meeting.Seed.AdministratorToken, $"/api/meetings/{meeting.Seed.MeetingId}/resolutions/{meeting.Seed.ResolutionId}/open", new { });
                diagnostics = await ServerDiagnostics.StartAsync(target.DatabaseConnectionString, () => RuntimeFiguresAsync(api), cancellationToken);
            }
            log.WriteLine($"[{target.Description}] voting{name}: {string.Join("; ", slice.Select(s => s.Describe()))}");
            var report = await ScenarioRunner.RunAsync(new Scenario("vote" + name, VoteAsync) { WarmUp = warmUp, Simulations = slice, Cpu = target.Cpu }, cancellationToken);
            run.Scenarios.Add(report);
            votes.Add(report);
        }

        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                var noopFirst = round % 2 == 1;
                var name = rounds == 1 ? "" : $", round {round} of {rounds}";
                var warmUp = round == 1 ? WarmUp : TimeSpan.Zero;
                if (noopFirst)
                {
                    await NoopSliceAsync(name, warmUp);
                    await VoteSliceAsync(name, warmUp);
                }
                else
                {
                    await VoteSliceAsync(name, warmUp);
                    await NoopSliceAsync(name, warmUp);
                }
                if (rounds > 1 && noops.Count == round)
                    run.Rounds.Add(new RateRound(round, noopFirst, noops[^1].Step(NoopStep)?.OkPerSecond ?? 0, votes[^1].Step(VoteStep)?.OkPerSecond ?? 0));
            }
            var ballots = votes.Sum(v => v.Step(VoteStep)?.Ok ?? 0);
            await diagnostics!.ReportAsync(run, rounds > 1 && options.MeasureNoop ? "vote and no-op slices from the first vote slice on" : "vote", ballots + noopsWatched, cancellationToken);
        }
        finally
        {
            if (diagnostics is not null) await diagnostics.DisposeAsync();
        }
        return (noops, votes, httpNoop);
    }

    private async Task<double?> MeasureHttpNoopAsync(ApiClient api, ServerRun run, CancellationToken cancellationToken)
    {
        if (!options.MeasureHttpNoop) return null;
        log.WriteLine($"[{target.Description}] measuring the no-op HTTP call");
        var report = await ScenarioRunner.RunAsync(new Scenario("no-op HTTP call", c => HttpNoopAsync(c, api)) { WarmUp = WarmUp, Simulations = Simulations(options.DurationSeconds), Cpu = target.Cpu }, cancellationToken);
        run.Scenarios.Add(report);
        return report.Step(HttpNoopStep)?.OkPerSecond;
    }

    /// <summary>The server process's GC figures, where it answers them (Load:EnableNoop) and the admin password is known.</summary>
    private async Task<RuntimeFigures?> RuntimeFiguresAsync(ApiClient api)
    {
        var (status, body, _) = await api.SendRawAsync(HttpMethod.Get, platformToken, "/api/load/runtime", null);
        return status == HttpStatusCode.OK ? JsonSerializer.Deserialize<RuntimeFigures>(body, ApiJson.Options) : null;
    }

    private TimeSpan WarmUp => TimeSpan.FromSeconds(options.WarmUpSeconds);

    private LoadSimulation[] Simulations(double seconds)
    {
        var during = TimeSpan.FromSeconds(seconds);
        var ramp = TimeSpan.FromSeconds(options.RampSeconds);
        if (options.Rate > 0)
            return options.RampSeconds > 0
                ? [Simulation.RampingInject(options.Rate, TimeSpan.FromSeconds(1), ramp), Simulation.Inject(options.Rate, TimeSpan.FromSeconds(1), during)]
                : [Simulation.Inject(options.Rate, TimeSpan.FromSeconds(1), during)];
        var copies = Math.Max(1, options.Concurrency);
        return options.RampSeconds > 0
            ? [Simulation.RampingConstant(copies, ramp), Simulation.KeepConstant(copies, during)]
            : [Simulation.KeepConstant(copies, during)];
    }

    private async Task SetUpAsync(ApiClient api, ServerRun run, CancellationToken cancellationToken)
    {
        var setup = new StatsCollector();
        var clock = Stopwatch.StartNew();
        platformToken = await api.SignInAsync("admin", target.AdminPassword, null);
        var seeder = new MeetingSeeder(api, setup, Math.Max(2, options.SeedParallelism / options.Meetings));
        log.WriteLine($"[{target.Description}] seeding {options.Meetings} meeting(s) of {options.CreditorsPerMeeting} creditors through the API");
        var seeds = await Task.WhenAll(Enumerable.Range(0, options.Meetings)
            .Select(m => seeder.SeedAsync(platformToken, $"{options.RunTag}-c{m:D3}", options.CreditorsPerMeeting, cancellationToken)));
        foreach (var seed in seeds)
        {
            var meeting = new MeetingUnderLoad(seed);
            meeting.Voters.AddRange(seed.Creditors.Select(c => new Voter(c, meeting)));
            meetings.Add(meeting);
        }
        log.WriteLine($"[{target.Description}] seeded in {clock.Elapsed.TotalSeconds:0.0} s; connecting {meetings.Sum(m => m.Voters.Count)} creditors");

        var hubUrl = new Uri(target.Address, "/hubs/live");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.ConnectParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(meetings.SelectMany(m => m.Voters), parallel, async (voter, _) =>
        {
            var hub = new HubClient(hubUrl, voter.Creditor.Token);
            if (options.EveryoneWatches)
                voter.Watcher = new TallyWatcher(voter.Creditor.CreditorId, hub, voter.Meeting.Seed.MeetingId, voter.Meeting.Seed.ResolutionId, keepHistory: false);
            var connected = await setup.MeasureAsync("connect (WebSocket + SignalR handshake)", async () =>
            {
                await hub.ConnectAsync(cancellationToken);
                return Response.Ok(hub.BytesSent + hub.BytesReceived);
            });
            if (connected.IsOk)
            {
                voter.Hub = hub;
            }
            else
            {
                await hub.DisposeAsync();
                lock (voter.Meeting) voter.Meeting.ConnectionFailures++;
            }
        });
        var connectedVoters = meetings.SelectMany(m => m.Voters).Where(v => v.Hub is not null).ToList();
        log.WriteLine($"[{target.Description}] {connectedVoters.Count} connected; checking in");
        await Parallel.ForEachAsync(connectedVoters, parallel, async (voter, _) =>
            await setup.MeasureAsync("check-in (CheckIn)", async () =>
            {
                await voter.Hub!.InvokeAsync("CheckIn", voter.Meeting.Seed.MeetingId);
                voter.CheckedIn = true;
                return Response.Ok();
            }));
        if (options.EveryoneWatches)
        {
            await Parallel.ForEachAsync(connectedVoters, parallel, async (voter, _) =>
                await setup.MeasureAsync("watch (WatchMeeting)", async () =>
                {
                    await voter.Hub!.InvokeAsync<JsonNode>("WatchMeeting", voter.Meeting.Seed.MeetingId);
                    return Response.Ok();
                }));
        }
        foreach (var meeting in meetings)
        {
            for (var w = 0; w < options.Watchers; w++)
            {
                var staff = w % 2 == 0;
                var token = staff ? (w % 4 == 0 ? meeting.Seed.JudgeToken : meeting.Seed.AdministratorToken) : meeting.Seed.Creditors[w / 2 % meeting.Seed.Creditors.Count].Token;
                var name = $"{meeting.Seed.MeetingId} watcher {w} ({(staff ? w % 4 == 0 ? "judge" : "administrator" : "creditor")})";
                var hub = new HubClient(hubUrl, token);
                var watcher = new TallyWatcher(name, hub, meeting.Seed.MeetingId, meeting.Seed.ResolutionId, keepHistory: true, isStaff: staff);
                await setup.MeasureAsync("watcher connects and watches", async () =>
                {
                    await hub.ConnectAsync(cancellationToken);
                    await hub.InvokeAsync<JsonNode>(staff ? "WatchMeetingAsStaff" : "WatchMeeting", meeting.Seed.MeetingId);
                    return Response.Ok();
                });
                meeting.Watchers.Add(watcher);
            }
            meeting.PlanBallots(options.ChangeFraction, options.RandomSeed + meetings.IndexOf(meeting));
        }
        run.SetupSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        run.Setup.AddRange(setup.Report(clock.Elapsed));
    }

    private async Task VoteAsync(ScenarioContext context)
    {
        var next = NextBallot(context.InvocationNumber);
        if (next is null)
        {
            Interlocked.Increment(ref noIdleVoter);
            await Task.Delay(1);
            return;
        }
        var (voter, choice) = next.Value;
        voter.LastSent = choice;
        try
        {
            await Step.Run(VoteStep, context, async () =>
            {
                var hub = voter.Hub!;
                var before = hub.BytesSent + hub.BytesReceived;
                try
                {
                    var ack = await hub.InvokeAsync<BallotReceipt>("CastBallot", voter.Meeting.Seed.MeetingId, voter.Meeting.Seed.ResolutionId, choice);
                    voter.Acknowledged(ack!, Stopwatch.GetTimestamp());
                    return ack!.Choice == choice ? Response.Ok(hub.BytesSent + hub.BytesReceived - before) : Response.Fail("acknowledged a different choice");
                }
                catch
                {
                    voter.Unacknowledged++;
                    throw;
                }
            });
        }
        finally
        {
            voter.Meeting.BallotEnded(voter);
        }
    }

    private (Voter Voter, Meetings.Voting.VoteChoice Choice)? NextBallot(long invocation)
    {
        for (var i = 0; i < meetings.Count; i++)
        {
            var ballot = meetings[(int)((invocation + i) % meetings.Count)].NextBallot();
            if (ballot is not null) return ballot;
        }
        return null;
    }

    private Voter? TakeIdle(long invocation)
    {
        for (var i = 0; i < meetings.Count; i++)
            if (meetings[(int)((invocation + i) % meetings.Count)].TakeIdle() is { } voter) return voter;
        return null;
    }

    private async Task PingAsync(ScenarioContext context)
    {
        if (TakeIdle(context.InvocationNumber) is not { } voter)
        {
            Interlocked.Increment(ref noIdleVoter);
            await Task.Delay(1);
            return;
        }
        try
        {
            await Step.Run(NoopStep, context, async () =>
            {
                var before = voter.Hub!.BytesSent + voter.Hub.BytesReceived;
                await voter.Hub.InvokeAsync("Ping");
                return Response.Ok(voter.Hub.BytesSent + voter.Hub.BytesReceived - before);
            });
        }
        finally
        {
            voter.Meeting.ReturnIdle(voter);
        }
    }

    private async Task HttpNoopAsync(ScenarioContext context, ApiClient api)
    {
        if (TakeIdle(context.InvocationNumber) is not { } voter)
        {
            await Task.Delay(1);
            return;
        }
        try
        {
            await Step.Run(HttpNoopStep, context, async () =>
            {
                var (status, _, bytes) = await api.SendRawAsync(HttpMethod.Post, voter.Creditor.Token, "/api/noop", null, cancellationToken: context.CancellationToken);
                return status == HttpStatusCode.NoContent ? Response.Ok(bytes) : Response.Fail($"HTTP {(int)status}", bytes);
            });
        }
        finally
        {
            voter.Meeting.ReturnIdle(voter);
        }
    }

    /// <summary>Closes voting everywhere and checks every meeting; returns the numbers the targets need.</summary>
    private async Task<(long Missing, int SeenFinal, int Watching, double? FinalMaxMs)> VerifyAsync(ApiClient api, ServerRun run, CancellationToken cancellationToken)
    {
        var staffSeen = new LatencyHistogram();
        var creditorSeen = new LatencyHistogram();
        var finalSeen = new LatencyHistogram();
        long seenBeforeReference = 0, finalBeforeReference = 0, missing = 0, lost = 0;
        int watching = 0, sawFinal = 0;
        var byCommit = target.DatabaseConnectionString is { } database0 && SameMachine(database0);
        foreach (var meeting in meetings)
        {
            var id = meeting.Seed.MeetingId;
            var acks = meeting.Voters.SelectMany(v => v.Acks).ToList();
            var unacknowledged = meeting.Voters.Sum(v => v.Unacknowledged);
            var fromAcks = FromAcks(meeting);

            // What every watcher must end on: the stored rows' recount where the database is reachable, else the acknowledgements.
            StoredVotes? stored = null;
            if (target.DatabaseConnectionString is { } db) stored = await StoredVotes.ReadAsync(db, id, meeting.Seed.ResolutionId, cancellationToken);
            var expected = stored?.Recount() ?? (unacknowledged == 0 ? fromAcks
                : TallyNumbers.Of(await api.GetAsync<Meetings.Voting.TallyView>(meeting.Seed.AdministratorToken, $"/api/meetings/{id}/resolutions/{meeting.Seed.ResolutionId}/tally")));

            // A ballot's moment: the start of the transaction that committed it (same clock, same machine), else its ack's arrival.
            long ReferenceOf(AcknowledgedBallot a) =>
                byCommit && stored!.Ballots.TryGetValue((a.CreditorId, a.BallotNumber), out var b) ? TimestampOf(b.TransactionStart) : a.Timestamp;
            var lastReference = byCommit && stored!.Ballots.Count > 0
                ? TimestampOf(stored.Ballots.Values.Max(b => b.TransactionStart))
                : acks.Count > 0 ? acks.Max(a => a.Timestamp) : Stopwatch.GetTimestamp();

            var connections = meeting.Watchers.Concat(meeting.Voters.Where(v => v.Hub is not null && v.Watcher is not null).Select(v => v.Watcher!)).ToList();
            var timeout = TimeSpan.FromSeconds(options.FinalTallyTimeoutSeconds);
            var results = await Task.WhenAll(connections.Select(c => c.WaitForAsync(expected, timeout)));
            var notSeen = connections.Where((c, i) => !results[i]).ToList();
            watching += connections.Count;
            sawFinal += connections.Count - notSeen.Count;
            foreach (var c in connections.Where((_, i) => results[i]))
            {
                var since = c.Latest.Since;
                if (since < lastReference) finalBeforeReference++;
                finalSeen.Record(since < lastReference ? 0 : (long)Stopwatch.GetElapsedTime(lastReference, since).TotalMicroseconds);
            }
            run.Checks.Add(new Check($"{id}: every watching connection saw the final tally", notSeen.Count == 0,
                notSeen.Count == 0
                    ? $"all {connections.Count} connections hold {expected}"
                    : $"{notSeen.Count} of {connections.Count} did not within {timeout.TotalSeconds:0} s, e.g. {notSeen[0].Name}: {notSeen[0].Latest.Numbers?.ToString() ?? "nothing"}"));

            // First votes: the k-th in commit (ledger) order is in every tally that records k or more votes.
            var firstVotes = acks.Where(a => a.BallotNumber == 1).OrderBy(a => a.LedgerPosition).Select(ReferenceOf).ToList();
            foreach (var watcher in meeting.Watchers)
            {
                var histogram = watcher.IsStaff ? staffSeen : creditorSeen;
                var history = watcher.History;
                for (var rank = 0; rank < firstVotes.Count; rank++)
                {
                    var seen = FirstAtLeast(history, rank + 1);
                    if (seen is null) continue;
                    if (seen.Value < firstVotes[rank]) seenBeforeReference++;
                    histogram.Record(seen.Value < firstVotes[rank] ? 0 : (long)Stopwatch.GetElapsedTime(firstVotes[rank], seen.Value).TotalMicroseconds);
                }
            }

            var closed = await api.PostAsync<ResolutionView>(meeting.Seed.AdministratorToken, $"/api/meetings/{id}/resolutions/{meeting.Seed.ResolutionId}/close", new { });
            var closedTally = TallyNumbers.Of(closed.Tally!);
            if (target.DatabaseConnectionString is { } database)
            {
                stored = await StoredVotes.ReadAsync(database, id, meeting.Seed.ResolutionId, cancellationToken);
                var recount = stored.Recount();
                run.Checks.Add(new Check($"{id}: closed tally equals the recount of the stored rows", recount == closedTally,
                    recount == closedTally ? $"{closedTally}" : $"tally {closedTally} but the rows give {recount}"));
                var absent = acks.Where(a => !stored.Ballots.TryGetValue((a.CreditorId, a.BallotNumber), out var b)
                                             || b.Choice != a.Choice || b.LedgerPosition != a.LedgerPosition).ToList();
                missing += absent.Count;
                var batches = stored.BallotsPerTransaction;
                if (batches.Count > 0)
                {
                    var sorted = batches.Order().ToList();
                    run.Checks.Add(new Check($"{id}: ballots per transaction (group commit)", true, string.Create(CultureInfo.InvariantCulture,
                        $"{stored.Ballots.Count:N0} ballots in {batches.Count:N0} transactions: mean {batches.Average():0.0}, median {sorted[sorted.Count / 2]}, p99 {sorted[(int)(sorted.Count * 0.99)]}, largest {sorted[^1]}")));
                }
                run.Checks.Add(new Check($"{id}: every acknowledged ballot is stored", absent.Count == 0,
                    absent.Count == 0
                        ? $"{acks.Count:N0} acknowledged, all stored with their choice and ledger position ({stored.Ballots.Count:N0} stored, {unacknowledged} sent without an acknowledgement)"
                        : $"{absent.Count} of {acks.Count} acknowledged ballots are missing or differ, e.g. {absent[0].CreditorId} #{absent[0].BallotNumber}"));
            }
            else
            {
                run.Checks.Add(new Check($"{id}: recount from the stored rows", true, "skipped: no database connection string (--db) for a server started elsewhere"));
            }
            if (unacknowledged == 0)
                run.Checks.Add(new Check($"{id}: closed tally equals the count of the acknowledgements", fromAcks == closedTally,
                    fromAcks == closedTally ? $"{fromAcks}" : $"tally {closedTally} but the acknowledgements give {fromAcks}"));
            else
                run.Checks.Add(new Check($"{id}: closed tally equals the count of the acknowledgements", true,
                    $"not comparable: {unacknowledged} ballots failed without an answer, so whether they counted is only in the stored rows"));
            lost += connections.Count(c => c.Hub.Closed.IsCompleted) + meeting.Voters.Count(v => v.Hub is { } h && h.Closed.IsCompleted && v.Watcher is null);
        }

        var connectFailures = meetings.Sum(m => m.ConnectionFailures);
        var reference = byCommit
            ? "the start of the transaction that committed it (its rows' recorded_at, read from the database on this machine's clock; the commit itself ends a few ms later, so this is an upper bound)"
            : "the arrival of its acknowledgement at the voter (the server's database is not reachable or not on this machine)";
        const string firstVote = "for each creditor's first ballot and each watcher connection: the time from the ballot's moment until that watcher received a tally " +
            "that includes it. A tally includes the k-th first ballot in ledger (commit) order once it records k or more votes (votes are counted in commit order " +
            "and the count only grows). Changed votes leave the count alone and are not in this measure. Arrivals before the moment count as 0. The ballot's moment is ";
        run.Measures.Add(new Measure("first vote seen by staff watchers (WatchMeetingAsStaff)", firstVote + reference + ".", staffSeen.Summary()));
        run.Measures.Add(new Measure("first vote seen by creditor watchers (WatchMeeting)",
            firstVote + reference + ". Creditors share one group with every creditor who watches, so with thousands watching a send to the group takes longer.",
            creditorSeen.Summary(), new Dictionary<string, long> { ["seen before the ballot's moment (staff and creditors)"] = seenBeforeReference }));
        run.Measures.Add(new Measure("final tally seen after the last commit",
            "for each watching connection: the time from the last ballot's moment until the connection held the final tally (equal to the recount of the stored rows) " +
            "for good. The last ballot's moment is " + reference + ".",
            finalSeen.Summary(), new Dictionary<string, long>
            {
                ["connections watching"] = watching,
                ["connections that saw the final tally"] = sawFinal,
                ["held it before the last ballot's moment"] = finalBeforeReference,
                ["connection failures at connect"] = connectFailures,
                ["connections lost during the run"] = lost,
            }));
        run.Checks.Add(new Check("no connection was lost during the run", lost == 0, $"{lost} lost, {connectFailures} failed to connect at the start"));
        return (missing, sawFinal, watching, finalSeen.Count > 0 ? finalSeen.MaxMicroseconds / 1000.0 : null);
    }

    private static readonly (long Timestamp, DateTime Utc) Origin = (Stopwatch.GetTimestamp(), DateTime.UtcNow);

    /// <summary>A UTC time of this machine's clock as a <see cref="Stopwatch"/> timestamp, to compare with arrival times.</summary>
    private static long TimestampOf(DateTime utc) => Origin.Timestamp + (long)((utc - Origin.Utc).TotalSeconds * Stopwatch.Frequency);

    private bool SameMachine(string connectionString) =>
        target.Address.IsLoopback && new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Host is "127.0.0.1" or "localhost" or "::1";

    private static long? FirstAtLeast(IReadOnlyList<(long Timestamp, int VotesRecorded)> history, int votes)
    {
        int lo = 0, hi = history.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (history[mid].VotesRecorded >= votes) hi = mid;
            else lo = mid + 1;
        }
        return lo < history.Count ? history[lo].Timestamp : null;
    }

    /// <summary>The tally the acknowledgements alone give: each creditor's highest-numbered acknowledged ballot, with its claim.</summary>
    private static TallyNumbers FromAcks(MeetingUnderLoad meeting)
    {
        int[] heads = [0, 0, 0];
        long[] amounts = [0, 0, 0];
        var votes = 0;
        foreach (var voter in meeting.Voters)
        {
            var acks = voter.Acks;
            if (acks.Count == 0) continue;
            var last = acks.MaxBy(a => a.BallotNumber);
            votes++;
            heads[(int)last.Choice]++;
            amounts[(int)last.Choice] += voter.Creditor.ClaimFen;
        }
        var present = meeting.Voters.Count(v => v.CheckedIn || v.Acks.Count > 0);
        return new TallyNumbers(votes, present, heads[0], heads[1], heads[2], amounts[0], amounts[1], amounts[2]);
    }

    private async Task DisconnectAsync()
    {
        var hubs = meetings.SelectMany(m => m.Voters.Select(v => v.Hub).Concat(m.Watchers.Select(w => w.Hub))).OfType<HubClient>().ToList();
        await Parallel.ForEachAsync(hubs, new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (hub, _) => await hub.DisposeAsync());
    }
}
