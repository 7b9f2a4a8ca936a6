using System.Diagnostics;
using System.Text.Json;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A group too large for the message budget (Live:GroupMessagesPerSecond) is sent to less often than every beat, so
/// thousands of watchers cannot take the cores the ballots need; every watcher still ends on the final tally.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LiveFanOutTests(PostgresServer postgres)
{
    private const int Voters = 20;

    [Fact]
    public async Task Watchers_of_a_large_group_get_a_bounded_number_of_tallies_and_all_end_on_the_final_one()
    {
        // A budget of 10 messages a second for 20 watchers: one tally every 2 s at most, where the beat is 100 ms.
        await using var scenario = await MeetingScenario.StartAsync(postgres, "fanout-1", new Dictionary<string, string?> { ["Live:GroupMessagesPerSecond"] = "10" });
        await scenario.DeclareCreditorsAsync(Voters);
        var ids = Enumerable.Range(0, Voters).Select(scenario.CreditorOf).ToList();
        await scenario.SignInCreditorsAsync(ids);
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan));
        await scenario.OpenAsync("r1");
        var watchers = await Task.WhenAll(ids.Select(id => scenario.Server.ConnectHubAsync(scenario.Creditor(id))));
        foreach (var watcher in watchers) await watcher.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId);

        var clock = Stopwatch.StartNew();
        // Ballots one after another for a while: without the budget every beat would carry a new tally.
        for (var pass = 0; pass < 10; pass++)
            foreach (var id in ids) await scenario.VoteAsync("r1", id, pass % 2 == 0 ? VoteChoice.For : VoteChoice.Against);
        var final = await scenario.TallyAsync("r1");

        foreach (var watcher in watchers)
        {
            var received = 0;
            var reader = watcher.On("tally");
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var update = (await reader.ReadAsync(limit.Token)).Deserialize<TallyUpdate>(ApiJson.Options)!;
                received++;
                if (JsonSerializer.Serialize(update.Tally, ApiJson.Options) == JsonSerializer.Serialize(final, ApiJson.Options)) break;
            }
            var allowed = (int)(clock.Elapsed.TotalMilliseconds / 2000) + 2;
            Assert.True(received <= allowed, $"{received} tallies in {clock.Elapsed.TotalMilliseconds:F0} ms; the budget allows {allowed}");
        }
        foreach (var watcher in watchers) await watcher.DisposeAsync();
    }
}
