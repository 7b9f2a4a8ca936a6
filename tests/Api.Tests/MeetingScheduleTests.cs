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
        var creditors = await scenario.SignInCreditorsAsync(Enumerable.Range(0, 4).Select(scenario.CreditorOf));
        var opens = DateTimeOffset.UtcNow.AddSeconds(1);
        var closes = opens.AddSeconds(3);
        // Creditor 3 watches the meeting; creditors 0 to 2 vote, each on its own connection; creditor 1 also waits for its result.
        await using var watcher = await scenario.Server.ConnectHubAsync(creditors[3]);
        var voters = await Task.WhenAll(creditors.Take(3).Select(scenario.Server.ConnectHubAsync));
        var voter = voters[1];
        var scheduled = await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("r1", "财产变价方案", ResolutionKind.RealizationPlan, OpensAt: opens, ClosesAt: closes));
        Assert.Equal(closes, Assert.Single(scheduled.Resolutions).ClosesAt);
        await watcher.InvokeAsync<MeetingView>("WatchMeeting", scenario.MeetingId);
        await voter.InvokeAsync("WatchMyResults");

        await watcher.WaitForAsync<MeetingView>("meeting", m => m.Resolutions[0].Status == ResolutionStatus.Open, TimeSpan.FromSeconds(30));
        var acks = new List<BallotAck>();
        for (var i = 0; i < 3; i++)
            acks.Add((await voters[i].InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", VoteChoice.For))!);

        var closed = await watcher.WaitForAsync<MeetingView>("meeting", m => m.Resolutions[0].Status == ResolutionStatus.Closed, TimeSpan.FromSeconds(30));
        var notice = await voter.WaitForAsync<ResultNotice>("result", _ => true, TimeSpan.FromSeconds(30));

        var resolution = closed.Resolutions[0];
        Assert.Equal(3, resolution.Tally!.VotesRecorded);
        Assert.Equal(resolution.Outcome!.Passed, notice.Passed);
        Assert.Equal(scenario.CreditorOf(1), acks[1].CreditorId);
        Assert.Equal(VoteChoice.For, notice.YourChoice);
        Assert.Equal(acks[1].BallotNumber, notice.YourBallotNumber);
        Assert.True(notice.ClosedAt >= closes);

        var (status, problem) = await creditors[3].Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1/ballots",
            new WebFront.Api.BallotRequest(VoteChoice.Against));
        ProblemAssert.Field(409, "resolutionId", (status, problem));

        var minutes = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        var round = Assert.Single(Assert.Single(minutes.Resolutions).Rounds);
        foreach (var hub in voters) await hub.DisposeAsync();
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
        await scenario.SignInCreditorAsync(scenario.CreditorOf(0));
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan));

        var (pastStatus, pastProblem) = await scenario.Administrator.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1/open",
            new WebFront.Api.OpenVotingRequest(DateTimeOffset.UtcNow.AddMinutes(-1)));
        ProblemAssert.Field(400, "closesAt", (pastStatus, pastProblem));

        var closes = DateTimeOffset.UtcNow.AddSeconds(2);
        var opened = await scenario.OpenAsync("r1", closes);
        Assert.Equal(closes, opened.ClosesAt);
        await using var staff = await scenario.Server.ConnectHubAsync(scenario.Administrator);
        await staff.InvokeAsync<MeetingView>("WatchMeetingAsStaff", scenario.MeetingId);
        await scenario.VoteAsync("r1", scenario.CreditorOf(0), VoteChoice.For);

        var closed = await staff.WaitForAsync<MeetingView>("meeting", m => m.Resolutions[0].Status == ResolutionStatus.Closed, TimeSpan.FromSeconds(30));
        Assert.Equal(1, closed.Resolutions[0].Tally!.VotesRecorded);
        Assert.Single(await scenario.StoredBallotsAsync());
    }
}
