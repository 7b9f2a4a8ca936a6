using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>Voting windows that open and close by themselves, and late ballots.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingScheduleTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_window_on_the_agenda_opens_and_closes_by_itself_and_every_voter_is_sent_the_result()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "window-2026");
        await scenario.DeclareCreditorsAsync(4);
        var opens = DateTimeOffset.UtcNow.AddSeconds(1);
        var closes = opens.AddSeconds(3);
        await using var watcher = await scenario.Server.ConnectHubAsync();
        await using var voter = await scenario.Server.ConnectHubAsync();
        var scheduled = await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("r1", "财产变价方案", ResolutionKind.RealizationPlan, OpensAt: opens, ClosesAt: closes));
        Assert.Equal(closes, Assert.Single(scheduled.Resolutions).ClosesAt);
        await watcher.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId);
        await voter.InvokeAsync("WatchMyResults", CaseScenario.CreditorOf(1));

        await watcher.WaitForAsync<MeetingView>("meeting", m => m.Resolutions[0].Status == ResolutionStatus.Open, TimeSpan.FromSeconds(30));
        var acks = new List<BallotAck>();
        for (var i = 0; i < 3; i++)
            acks.Add((await voter.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, new CastBallot("r1", CaseScenario.CreditorOf(i), VoteChoice.For)))!);

        var closed = await watcher.WaitForAsync<MeetingView>("meeting", m => m.Resolutions[0].Status == ResolutionStatus.Closed, TimeSpan.FromSeconds(30));
        var notice = await voter.WaitForAsync<ResultNotice>("result", _ => true, TimeSpan.FromSeconds(30));

        var resolution = closed.Resolutions[0];
        Assert.Equal(3, resolution.Tally!.VotesRecorded);
        Assert.Equal(resolution.Outcome!.Passed, notice.Passed);
        Assert.Equal(CaseScenario.CreditorOf(1), acks[1].CreditorId);
        Assert.Equal(VoteChoice.For, notice.YourChoice);
        Assert.Equal(acks[1].BallotNumber, notice.YourBallotNumber);
        Assert.True(notice.ClosedAt >= closes);

        var (status, problem) = await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1/ballots",
            new WebFront.Api.BallotRequest(CaseScenario.CreditorOf(3), VoteChoice.Against));
        ProblemAssert.Field(409, "resolutionId", (status, problem));

        var minutes = await scenario.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        var round = Assert.Single(Assert.Single(minutes.Resolutions).Rounds);
        Assert.Equal(MeetingGrain.ScheduleActor, round.OpenedBy);
        Assert.True(round.OpenedAt >= opens);
        Assert.True(round.ClosedOnSchedule);
        Assert.Equal(3, round.VotersNotified);
        Assert.Equal(["meeting.scheduled", "voting.opened", "voting.closed", "voting.result-notified"], minutes.Entries.Select(e => e.Event));
    }

    [Fact]
    public async Task The_administrator_sets_a_close_time_on_opening_which_must_lie_ahead_and_voting_closes_at_it_with_the_ballots_cast_before()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "window-open");
        await scenario.DeclareCreditorsAsync(2);
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan));

        var (pastStatus, pastProblem) = await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1/open",
            new WebFront.Api.OpenVotingRequest(MeetingScenario.Administrator, DateTimeOffset.UtcNow.AddMinutes(-1)));
        ProblemAssert.Field(400, "closesAt", (pastStatus, pastProblem));

        var closes = DateTimeOffset.UtcNow.AddSeconds(2);
        var opened = await scenario.OpenAsync("r1", closes);
        Assert.Equal(closes, opened.ClosesAt);
        await using var staff = await scenario.Server.ConnectHubAsync();
        await staff.InvokeAsync<MeetingView>("WatchMeetingAsStaff", scenario.MeetingId);
        await scenario.VoteAsync("r1", CaseScenario.CreditorOf(0), VoteChoice.For);

        var closed = await staff.WaitForAsync<MeetingView>("meeting", m => m.Resolutions[0].Status == ResolutionStatus.Closed, TimeSpan.FromSeconds(30));
        Assert.Equal(1, closed.Resolutions[0].Tally!.VotesRecorded);
        Assert.Single(await scenario.StoredBallotsAsync());
    }
}
