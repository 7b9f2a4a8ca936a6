using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Who sees what: with tallies shown only after close, creditors see no number while voting is open, and no creditor
/// ever sees another's vote; a creditor sees its own ballot and result.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingVisibilityTests(PostgresServer postgres)
{
    [Fact]
    public async Task Creditors_see_no_open_tally_when_it_is_shown_after_close_and_only_their_own_ballot_and_result()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "hidden-2026");
        await scenario.DeclareCreditorsAsync(3);
        var creditors = await scenario.SignInCreditorsAsync(Enumerable.Range(0, 3).Select(scenario.CreditorOf));
        var carol = creditors[2].Http;
        await scenario.ScheduleAsync(TallyVisibility.AfterClose, new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan));
        await using var staff = await scenario.Server.ConnectHubAsync(scenario.Administrator);
        await using var alice = await scenario.Server.ConnectHubAsync(creditors[0]);
        await using var bob = await scenario.Server.ConnectHubAsync(creditors[1]);
        await staff.InvokeAsync<MeetingView>("WatchMeetingAsStaff", scenario.MeetingId);
        foreach (var hub in new[] { alice, bob })
        {
            await hub.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId);
            await hub.InvokeAsync("WatchMyResults");
        }
        await scenario.OpenAsync("r1");

        var aliceAck = (await alice.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", VoteChoice.Against))!;
        await bob.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", VoteChoice.For);
        await scenario.VoteAsync("r1", scenario.CreditorOf(2), VoteChoice.For);
        await MeetingScenario.PostAsync(creditors[2], $"{scenario.Meeting}/checkins", new { });
        await staff.WaitForAsync<TallyUpdate>("tally", u => u.Tally.VotesRecorded == 3, TimeSpan.FromSeconds(30));
        await alice.WaitForAsync<MeetingView>("meeting", m => m.CheckedIn == 1, TimeSpan.FromSeconds(30));

        // While open: staff see the numbers, creditors do not, over HTTP and over the hub.
        Assert.NotNull(Assert.Single((await scenario.Administrator.Http.GetOk<MeetingView>(scenario.Meeting)).Resolutions).Tally);
        Assert.NotNull(await scenario.TallyAsync("r1"));
        var forCreditors = await carol.GetOk<MeetingView>($"{scenario.Meeting}/creditor-view");
        Assert.Null(Assert.Single(forCreditors.Resolutions).Tally);
        Assert.Null(Assert.Single((await carol.GetOk<MeetingView>(scenario.Meeting)).Resolutions).Tally);
        ProblemAssert.Field(403, "resolutionId", await carol.SendRaw(HttpMethod.Get, $"{scenario.Meeting}/resolutions/r1/tally", null));
        Assert.Null(Assert.Single((await alice.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId))!.Resolutions).Tally);
        var own = await creditors[0].Http.GetOk<OwnBallot>($"{scenario.Meeting}/resolutions/r1/ballots/{scenario.CreditorOf(0)}");
        Assert.Equal((VoteChoice.Against, aliceAck.Commitment, aliceAck.Salt), (own.Choice, own.Commitment, own.Salt));
        ProblemAssert.Field(403, "creditorId", await creditors[1].Http.SendRaw(HttpMethod.Get, $"{scenario.Meeting}/resolutions/r1/ballots/{scenario.CreditorOf(0)}", null));

        var closed = await scenario.CloseAsync("r1");
        var aliceNotice = await alice.WaitForAsync<ResultNotice>("result", _ => true, TimeSpan.FromSeconds(30));
        var bobNotice = await bob.WaitForAsync<ResultNotice>("result", _ => true, TimeSpan.FromSeconds(30));
        Assert.Equal(VoteChoice.Against, aliceNotice.YourChoice);
        Assert.Equal(VoteChoice.For, bobNotice.YourChoice);
        Assert.Equal(closed.Outcome!.Passed, aliceNotice.Passed);

        // The first tally a creditor ever received is the closed one.
        var firstTally = (await alice.On("tally").ReadAsync())!.Deserialize<TallyUpdate>(ApiJson.Options)!;
        Assert.Equal(Assert.Single(closed.Tally!.Classes), Assert.Single(firstTally.Tally.Classes));
        Assert.NotNull(Assert.Single((await carol.GetOk<MeetingView>($"{scenario.Meeting}/creditor-view")).Resolutions).Tally);
        Assert.Equal(Assert.Single(closed.Tally!.Classes), Assert.Single((await carol.GetOk<TallyView>($"{scenario.Meeting}/resolutions/r1/tally")).Classes));

        // Everything Alice's connection received: no meeting message with a tally while open, nothing about another creditor's vote.
        var meetings = Drain(alice, "meeting");
        Assert.NotEmpty(meetings);
        Assert.All(meetings, m =>
        {
            var resolution = m["resolutions"]![0]!;
            Assert.True(resolution["tally"] is null || (string?)resolution["status"] == "closed", m.ToJsonString());
        });
        var received = meetings.Concat(Drain(alice, "tally")).Concat(Drain(alice, "result")).Select(m => m.ToJsonString()).ToList();
        Assert.All(received, m => Assert.DoesNotContain(scenario.CreditorOf(1), m, StringComparison.Ordinal));
        Assert.All(received, m => Assert.DoesNotContain(scenario.CreditorOf(2), m, StringComparison.Ordinal));
        var minutes = JsonNode.Parse(await carol.GetStringAsync($"{scenario.Meeting}/minutes"))!.ToJsonString();
        Assert.DoesNotContain("\"choice\"", minutes, StringComparison.Ordinal);
    }

    private static List<JsonNode> Drain(HubClient hub, string target)
    {
        var all = new List<JsonNode>();
        while (hub.On(target).TryRead(out var node)) all.Add(node!);
        return all;
    }
}
