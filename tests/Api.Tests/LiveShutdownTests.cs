using System.Text.Json;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A server that stops sends what it still had for its watchers before it closes their connections: the last tally of
/// a vote is not lost to a restart.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveShutdownTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_change_made_just_before_the_server_stops_reaches_the_watcher_before_its_connection_closes()
    {
        // The longest beat allowed: the tally is still pending, not sent by a beat, when the server is told to stop.
        await using var scenario = await MeetingScenario.StartAsync(postgres, "live-stop-1", new Dictionary<string, string?> { ["Live:FlushInterval"] = "00:00:10" });
        await scenario.DeclareCreditorsAsync(2);
        var (watcherId, voterId) = (scenario.CreditorOf(0), scenario.CreditorOf(1));
        await scenario.SignInCreditorsAsync([watcherId, voterId]);
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan));
        await scenario.OpenAsync("r1");
        await using var watcher = await scenario.Server.ConnectHubAsync(scenario.Creditor(watcherId));
        var received = watcher.On("tally");
        await watcher.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId);

        await scenario.VoteAsync("r1", voterId, VoteChoice.For);
        await scenario.Server.StopAsync();

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await watcher.Closed.WaitAsync(limit.Token);
        // Everything received before the close is in the reader, which the close completed.
        var tallies = new List<TallyUpdate>();
        await foreach (var node in received.ReadAllAsync(limit.Token)) tallies.Add(node.Deserialize<TallyUpdate>(ApiJson.Options)!);
        Assert.Contains(tallies, t => t.ResolutionId == "r1" && t.Tally.VotesRecorded == 1);
    }
}
