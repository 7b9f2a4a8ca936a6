using CaseGrains.Load.Reporting;
using CaseGrains.Load.Targets;
using CaseGrains.Load.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Load.Tests;

/// <summary>
/// The live-meeting load scenario, short: a few hundred creditors on their own WebSockets, seconds of voting with
/// changed votes, watchers on every connection. Correctness only (the numbers are for load/ runs, not for tests):
/// the closed tally equals a recount of the stored rows, no acknowledged ballot is missing, every watcher ends on it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveMeetingLoadTests(PostgresServer postgres)
{
    [Fact]
    public async Task Three_hundred_creditors_vote_and_change_votes_for_seconds_no_acknowledged_ballot_is_lost_and_every_connection_ends_on_the_recount()
    {
        var (run, outcome) = await RunAsync(new Dictionary<string, string?>(), new LiveMeetingOptions
        {
            CreditorsPerMeeting = 300,
            Rate = 400,
            DurationSeconds = 3,
            ChangeFraction = 0.3,
            Watchers = 4,
            EveryoneWatches = true,
            MeasureNoop = true,
        });

        RunChecks.AllPassed(run);
        Assert.Contains(run.Checks, c => c.Name.EndsWith("closed tally equals the recount of the stored rows", StringComparison.Ordinal));
        Assert.Contains(run.Checks, c => c.Name.EndsWith("every acknowledged ballot is stored", StringComparison.Ordinal));
        // How many ballots fit in the window depends on the machine; what must hold is the recount and no loss.
        Assert.True(outcome.VotesAcknowledged > 0, $"{outcome.VotesAcknowledged} acknowledged");
        Assert.Equal(0, outcome.AcknowledgedVotesMissing);
        Assert.Equal(304, outcome.ConnectionsWatchingFinal);
        Assert.Equal(outcome.ConnectionsWatchingFinal, outcome.ConnectionsThatSawFinal);
        Assert.NotNull(outcome.NoopOkPerSecond);
    }

    [Fact]
    public async Task Two_meetings_at_once_on_the_baseline_path_each_ballot_its_own_transaction_end_on_their_recounts()
    {
        var (run, outcome) = await RunAsync(new Dictionary<string, string?> { ["Meetings:CommitEachBallot"] = "true" }, new LiveMeetingOptions
        {
            Meetings = 2,
            CreditorsPerMeeting = 60,
            Concurrency = 16,
            Rate = 0,
            DurationSeconds = 2,
            ChangeFraction = 0.5,
            Watchers = 2,
            MeasureNoop = false,
        });

        RunChecks.AllPassed(run);
        Assert.Equal(2, run.Checks.Count(c => c.Name.EndsWith("closed tally equals the recount of the stored rows", StringComparison.Ordinal)));
        // How many ballots fit in the window depends on the machine; what must hold is the recount and no loss.
        Assert.True(outcome.VotesAcknowledged > 0, $"{outcome.VotesAcknowledged} acknowledged");
        Assert.Equal(0, outcome.AcknowledgedVotesMissing);
        Assert.Equal(4, outcome.ConnectionsThatSawFinal);
    }

    [Fact]
    public async Task In_rounds_the_no_op_call_and_the_votes_alternate_in_slices_and_the_rates_pool_over_every_slice()
    {
        var (run, outcome) = await RunAsync(new Dictionary<string, string?>(), new LiveMeetingOptions
        {
            CreditorsPerMeeting = 120,
            Concurrency = 12,
            Rate = 0,
            DurationSeconds = 2,
            Rounds = 2,
            ChangeFraction = 1,
            Watchers = 2,
            MeasureNoop = true,
        });

        RunChecks.AllPassed(run);
        Assert.Equal(0, outcome.AcknowledgedVotesMissing);
        // Odd rounds start with the no-op call, even ones with the votes.
        Assert.Equal(["no-op hub call, round 1 of 2", "vote, round 1 of 2", "vote, round 2 of 2", "no-op hub call, round 2 of 2"], run.Scenarios.Select(s => s.Name));
        Assert.Equal([true, false], run.Rounds.Select(r => r.NoopFirst));
        var noops = run.Scenarios.Where(s => s.Name.StartsWith("no-op", StringComparison.Ordinal)).ToList();
        var votes = run.Scenarios.Where(s => s.Name.StartsWith("vote", StringComparison.Ordinal)).ToList();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(i + 1, run.Rounds[i].Number);
            Assert.Equal(noops[i].Steps.Single(s => s.Name == LiveMeetingRun.NoopStep).OkPerSecond, run.Rounds[i].NoopOkPerSecond);
            Assert.Equal(votes[i].Steps.Single(s => s.Name == LiveMeetingRun.VoteStep).OkPerSecond, run.Rounds[i].VoteOkPerSecond);
        }
        // Voting is open from the first vote slice on: every slice's ballots are acknowledged.
        Assert.All(votes, v => Assert.True(v.Steps.Single(s => s.Name == LiveMeetingRun.VoteStep) is { Ok: > 0, Failed: 0 }, $"{v.Name}: not every ballot acknowledged"));
        Assert.Equal(votes.Sum(v => v.Steps.Single(s => s.Name == LiveMeetingRun.VoteStep).Ok), outcome.VotesAcknowledged);
        var pings = noops.Sum(n => n.Steps.Single(s => s.Name == LiveMeetingRun.NoopStep).Ok);
        Assert.True(pings > 0, "no no-op call was answered");
        Assert.Equal(pings / noops.Sum(n => n.DurationSeconds), outcome.NoopOkPerSecond!.Value, 0.2);
        Assert.Equal(outcome.VotesAcknowledged / votes.Sum(v => v.DurationSeconds), outcome.VoteOkPerSecond, 0.2);
    }

    [Fact]
    public async Task The_generators_own_server_process_takes_the_votes_and_tells_its_garbage_collections()
    {
        await using var target = await LoadTarget.StartProcessAsync(await postgres.CreateDatabaseAsync(),
            LoadTarget.DefaultServerSettings(commitEachBallot: false), "own process");
        var run = new ServerRun { Label = "own process", Target = target.Description, ServerSettings = target.ServerSettings };

        var outcome = await new LiveMeetingRun(target, new LiveMeetingOptions
        {
            CreditorsPerMeeting = 80,
            Rate = 200,
            DurationSeconds = 2,
            ChangeFraction = 0.5,
            Watchers = 2,
            MeasureNoop = false,
        }, TextWriter.Null).RunAsync(run);

        RunChecks.AllPassed(run);
        Assert.True(outcome.VotesAcknowledged > 0, $"{outcome.VotesAcknowledged} acknowledged");
        Assert.Equal(0, outcome.AcknowledgedVotesMissing);
        Assert.Contains(run.Checks, c => c.Name == "vote: the server process's garbage collector" && c.Detail.Contains("bytes per operation", StringComparison.Ordinal));

        // What each acknowledged ballot cost in CPU time, in each of the three processes.
        var cpu = run.Scenarios.Single(s => s.Name == "vote").Cpu;
        Assert.NotNull(cpu);
        Assert.Equal(outcome.VotesAcknowledged, cpu.Operations);
        Assert.True(cpu.ServerCounted);
        Assert.True(cpu.ServerMicroseconds > 0, $"server {cpu.ServerMicroseconds} µs a ballot");
        Assert.True(cpu.DatabaseMicroseconds > 0, $"PostgreSQL {cpu.DatabaseMicroseconds} µs a ballot");
        Assert.True(cpu.GeneratorMicroseconds > 0, $"generator {cpu.GeneratorMicroseconds} µs a ballot");
        Assert.InRange(cpu.MachineIdlePercent!.Value, 0, 100);
    }

    private async Task<(ServerRun Run, LiveMeetingOutcome Outcome)> RunAsync(Dictionary<string, string?> settings, LiveMeetingOptions options)
    {
        var database = await postgres.CreateDatabaseAsync();
        settings["Load:EnableNoop"] = "true";
        await using var server = await ServerHost.StartAsync(database, settings);
        var target = LoadTarget.Existing(server, People.AdminPassword, database);
        var run = new ServerRun { Label = "test", Target = target.Description, ServerSettings = settings };
        var outcome = await new LiveMeetingRun(target, options, TextWriter.Null).RunAsync(run);
        return (run, outcome);
    }
}
