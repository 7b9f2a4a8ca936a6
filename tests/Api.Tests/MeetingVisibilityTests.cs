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
        await scenario.ScheduleAsync(TallyVisibility.AfterClose, new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan));
        await using var staff = await scenario.Server.ConnectHubAsync();
        await using var alice = await scenario.Server.ConnectHubAsync();
        await using var bob = await scenario.Server.ConnectHubAsync();
        await staff.InvokeAsync<MeetingView>("WatchMeetingAsStaff", scenario.MeetingId);
        foreach (var (hub, creditor) in new[] { (alice, CaseScenario.CreditorOf(0)), (bob, CaseScenario.CreditorOf(1)) })
        {
            await hub.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId);
            await hub.InvokeAsync("WatchMyResults", creditor);
        }
        await scenario.OpenAsync("r1");

        var aliceAck = (await alice.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, new CastBallot("r1", CaseScenario.CreditorOf(0), VoteChoice.Against)))!;
        await bob.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, new CastBallot("r1", CaseScenario.CreditorOf(1), VoteChoice.For));
        await scenario.VoteAsync("r1", CaseScenario.CreditorOf(2), VoteChoice.For);
        await scenario.PostAsync($"{scenario.Meeting}/checkins", new CheckInRequest(CaseScenario.CreditorOf(2)));
        await staff.WaitForAsync<TallyUpdate>("tally", u => u.Tally.VotesRecorded == 3, TimeSpan.FromSeconds(30));
        await alice.WaitForAsync<MeetingView>("meeting", m => m.CheckedIn == 1, TimeSpan.FromSeconds(30));

        // While open: staff see the numbers, creditors do not, over HTTP and over the hub.
        Assert.NotNull(Assert.Single((await scenario.Http.GetOk<MeetingView>(scenario.Meeting)).Resolutions).Tally);
        var forCreditors = await scenario.Http.GetOk<MeetingView>($"{scenario.Meeting}/creditor-view");
        Assert.Null(Assert.Single(forCreditors.Resolutions).Tally);
        Assert.Null(Assert.Single((await alice.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId))!.Resolutions).Tally);
        var own = await scenario.Http.GetOk<OwnBallot>($"{scenario.Meeting}/resolutions/r1/ballots/{CaseScenario.CreditorOf(0)}");
        Assert.Equal((VoteChoice.Against, aliceAck.Commitment, aliceAck.Salt), (own.Choice, own.Commitment, own.Salt));

        var closed = await scenario.CloseAsync("r1");
        var aliceNotice = await alice.WaitForAsync<ResultNotice>("result", _ => true, TimeSpan.FromSeconds(30));
        var bobNotice = await bob.WaitForAsync<ResultNotice>("result", _ => true, TimeSpan.FromSeconds(30));
        Assert.Equal(VoteChoice.Against, aliceNotice.YourChoice);
        Assert.Equal(VoteChoice.For, bobNotice.YourChoice);
        Assert.Equal(closed.Outcome!.Passed, aliceNotice.Passed);

        // The first tally a creditor ever received is the closed one.
        var firstTally = (await alice.On("tally").ReadAsync())!.Deserialize<TallyUpdate>(ApiJson.Options)!;
        Assert.Equal(Assert.Single(closed.Tally!.Classes), Assert.Single(firstTally.Tally.Classes));
        Assert.NotNull(Assert.Single((await scenario.Http.GetOk<MeetingView>($"{scenario.Meeting}/creditor-view")).Resolutions).Tally);

        // Everything Alice's connection received: no meeting message with a tally while open, nothing about another creditor's vote.
        var meetings = Drain(alice, "meeting");
        Assert.NotEmpty(meetings);
        Assert.All(meetings, m =>
        {
            var resolution = m["resolutions"]![0]!;
            Assert.True(resolution["tally"] is null || (string?)resolution["status"] == "closed", m.ToJsonString());
        });
        var received = meetings.Concat(Drain(alice, "tally")).Concat(Drain(alice, "result")).Select(m => m.ToJsonString()).ToList();
        Assert.All(received, m => Assert.DoesNotContain(CaseScenario.CreditorOf(1), m, StringComparison.Ordinal));
        Assert.All(received, m => Assert.DoesNotContain(CaseScenario.CreditorOf(2), m, StringComparison.Ordinal));
        var minutes = JsonNode.Parse(await scenario.Http.GetStringAsync($"{scenario.Meeting}/minutes"))!.ToJsonString();
        Assert.DoesNotContain("\"choice\"", minutes, StringComparison.Ordinal);
    }

    private static List<JsonNode> Drain(HubClient hub, string target)
    {
        var all = new List<JsonNode>();
        while (hub.On(target).TryRead(out var node)) all.Add(node!);
        return all;
    }
}
