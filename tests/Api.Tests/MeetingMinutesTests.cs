using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>The minutes are generated from the recorded facts, with their times, and survive a restart unchanged.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingMinutesTests(PostgresServer postgres)
{
    private const string Hash = "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a";

    [Fact]
    public async Task The_minutes_list_every_step_in_order_with_times_counts_results_and_notices()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "minutes-2026");
        await scenario.DeclareCreditorsAsync(5);
        await scenario.SignInCreditorsAsync([scenario.CreditorOf(0), scenario.CreditorOf(1), scenario.CreditorOf(2), "lawyer-1"]);
        var administrator = scenario.Administrator.Username;
        var started = DateTimeOffset.UtcNow;
        await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan),
            new ResolutionDraft("r2", "破产财产变价方案", ResolutionKind.RealizationPlan));
        for (var i = 0; i < 3; i++) await MeetingScenario.PostAsync(scenario.Creditor(scenario.CreditorOf(i)), $"{scenario.Meeting}/checkins", new { });
        await scenario.Administrator.Http.PostOk<ProxyView>($"{scenario.Meeting}/proxies", new ProxyRequest("lawyer-1", [scenario.CreditorOf(3)], Hash));
        await scenario.OpenAsync("r1");
        await scenario.VoteAsync("r1", scenario.CreditorOf(0), VoteChoice.Against);
        await scenario.VoteAsync("r1", scenario.CreditorOf(0), VoteChoice.For);
        await scenario.VoteAsync("r1", scenario.CreditorOf(1), VoteChoice.For);
        await scenario.Creditor("lawyer-1").Http.PostOk<List<BallotAck>>($"{scenario.Meeting}/resolutions/r1/proxy-ballots",
            new ProxyBallotsRequest([new ProxyBallot(scenario.CreditorOf(3), VoteChoice.For)]));
        await scenario.Administrator.Http.PostOk<BallotAck>($"{scenario.Meeting}/resolutions/r1/paper-ballots",
            new PaperBallotRequest(scenario.CreditorOf(4), VoteChoice.Abstain, Hash));
        var closed = await scenario.CloseAsync("r1");

        var minutes = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");

        Assert.Equal((scenario.MeetingId, scenario.CaseId, administrator), (minutes.MeetingId, minutes.CaseId, minutes.ConvenedBy));
        Assert.True(minutes.ScheduledAt >= started.AddSeconds(-5));
        Assert.Equal(3, minutes.Attendance.CheckedIn);
        Assert.True(minutes.Attendance.FirstCheckInAt <= minutes.Attendance.LastCheckInAt);
        Assert.Equal(["meeting.scheduled", "meeting.proxy", "voting.opened", "vote.cast", "voting.closed", "voting.result-notified"],
            minutes.Entries.Select(e => e.Event));
        Assert.Equal(minutes.Entries.Select(e => e.At).Order(), minutes.Entries.Select(e => e.At));
        Assert.Equal("lawyer-1", minutes.Entries[1].Details["representativeId"]);
        Assert.Equal("all", minutes.Entries[1].Details["resolutions"]);
        Assert.Equal("5", minutes.Entries[2].Details["voters"]);
        Assert.Equal(administrator, minutes.Entries[3].Actor);
        Assert.Equal("false", minutes.Entries[4].Details["onSchedule"]);
        Assert.Equal("4", minutes.Entries[5].Details["votersNotified"]);

        var r1 = minutes.Resolutions[0];
        Assert.Equal((ResolutionStatus.Closed, closed.Outcome!.Passed), (r1.Status, r1.Outcome!.Passed));
        var round = Assert.Single(r1.Rounds);
        Assert.Equal((5, 3, 1, 1), (round.Ballots, round.OnlineBallots, round.ProxyBallots, round.PaperBallots));
        Assert.Equal((4, 1, 5), (round.Voters, round.ChangedVotes, round.VotersOnRoll));
        Assert.Equal(administrator, round.OpenedBy);
        Assert.True(round.OpenedAt <= round.FirstBallotAt && round.FirstBallotAt <= round.LastBallotAt && round.LastBallotAt <= round.ClosedAt);
        Assert.True(round.ClosedAt <= round.ResultNotifiedAt);
        Assert.Equal(Assert.Single(closed.Tally!.Classes), Assert.Single(round.Tally!.Classes));
        Assert.Equal(closed.Outcome.Explanation, round.Outcome!.Explanation);
        var r2 = minutes.Resolutions[1];
        Assert.Equal((ResolutionStatus.Pending, 0), (r2.Status, r2.Rounds.Count));
        Assert.Null(r2.Outcome);

        await scenario.RestartAsync();
        var again = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        Assert.Equal(minutes.Entries.Select(e => (e.At, e.Event, e.Actor)), again.Entries.Select(e => (e.At, e.Event, e.Actor)));
        Assert.Equal(round with { Tally = null, Outcome = null }, again.Resolutions[0].Rounds[0] with { Tally = null, Outcome = null });
    }
}
