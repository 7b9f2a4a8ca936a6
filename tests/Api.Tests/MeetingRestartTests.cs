using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>A server stops in the middle of an open meeting; another starts on the same database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingRestartTests(PostgresServer postgres)
{
    private const int Creditors = 120;

    [Fact]
    public async Task Acknowledged_ballots_survive_a_restart_in_the_middle_of_voting_and_voting_resumes()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "restart-2026");
        await scenario.DeclareCreditorsAsync(Creditors);
        var ids = Enumerable.Range(0, Creditors).Select(scenario.CreditorOf).ToList();
        await scenario.SignInCreditorsAsync(ids);
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan));
        await scenario.OpenAsync("r1");

        // The first 80 vote over the hub, all at once, each on its own connection.
        var hubs = await Task.WhenAll(ids.Take(80).Select(id => scenario.Server.ConnectHubAsync(scenario.Creditor(id))));
        var before = await Task.WhenAll(Enumerable.Range(0, 80).Select(i => hubs[i].InvokeAsync<BallotAck>("CastBallot",
            scenario.MeetingId, "r1", VoteChoice.Against)));
        Assert.Equal(ids.Take(80), before.Select(a => a!.CreditorId));
        foreach (var hub in hubs) hub.Abort();

        await scenario.RestartAsync();

        var tally = await scenario.TallyAsync("r1");
        Assert.Equal(80, tally.VotesRecorded);
        Assert.Equal(80, Assert.Single(tally.Classes).HeadsAgainst);
        // Still signed in after the restart, the creditor checks its receipt.
        var receipt = await scenario.Creditor(before[7]!.CreditorId).Http.GetOk<OwnBallot>($"{scenario.Meeting}/resolutions/r1/ballots/{before[7]!.CreditorId}");
        Assert.Equal(before[7]!.Commitment, receipt.Commitment);
        Assert.Equal(before[7]!.BallotNumber, receipt.BallotNumber);
        // It still knows where its ballot stands in the ledger, so it can ask for the ledger receipt again.
        Assert.Equal((before[7]!.LedgerPosition, scenario.CaseId), (receipt.LedgerPosition, receipt.CaseId));

        // Voting resumes: the rest vote, and the first 80 change their minds; ballot numbers go on from where they were.
        var after = new List<BallotAck>();
        foreach (var id in ids)
        {
            await using var again = await scenario.Server.ConnectHubAsync(scenario.Creditor(id));
            after.Add((await again.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", VoteChoice.For))!);
        }
        Assert.All(after.Take(80), a => Assert.Equal(2, a.BallotNumber));
        Assert.All(after.Skip(80), a => Assert.Equal(1, a.BallotNumber));
        Assert.True(after.Min(a => a.LedgerPosition) > before.Max(a => a!.LedgerPosition));

        var closed = await scenario.CloseAsync("r1");
        var all = Assert.Single(closed.Tally!.Classes);
        Assert.Equal(Creditors, all.HeadsFor);
        Assert.Equal(0, all.HeadsAgainst);
        Assert.True(closed.Outcome!.Passed);
        Assert.Equal(before.Length + after.Count, (await scenario.StoredBallotsAsync()).Count);
        // What was replayed is the facts alone: the ledger's payload of each is in the ledger, not copied into its row.
        Assert.All(await scenario.StoredFactsAsync(), f =>
            Assert.False(f.Data.ContainsKey("ledgerData") || f.Data.ContainsKey("ledgerKind"), $"fact {f.Seq} is stored as {f.Data.ToJsonString()}"));
    }

    [Fact]
    public async Task A_window_due_while_the_server_was_down_still_closes_and_its_voters_hear_the_result()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "restart-due");
        await scenario.DeclareCreditorsAsync(3);
        await scenario.SignInCreditorAsync(scenario.CreditorOf(2));
        await scenario.ScheduleAsync(TallyVisibility.AfterClose, new ResolutionDraft("r1", "财产分配方案", ResolutionKind.DistributionPlan));
        await scenario.OpenAsync("r1", DateTimeOffset.UtcNow.AddSeconds(3));
        await scenario.VoteAsync("r1", scenario.CreditorOf(2), VoteChoice.For);

        await scenario.RestartAsync();

        // Only the creditor's own channel is watched: nothing here activates the meeting; the stored reminder does.
        await using var creditor = await scenario.Server.ConnectHubAsync(scenario.Creditor(scenario.CreditorOf(2)));
        await creditor.InvokeAsync("WatchMyResults");
        var notice = await creditor.WaitForAsync<ResultNotice>("result", _ => true, TimeSpan.FromSeconds(30));

        Assert.Equal("r1", notice.ResolutionId);
        Assert.Equal(VoteChoice.For, notice.YourChoice);
        var meeting = await scenario.Administrator.Http.GetOk<MeetingView>(scenario.Meeting);
        Assert.Equal(ResolutionStatus.Closed, Assert.Single(meeting.Resolutions).Status);
        var minutes = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        var round = Assert.Single(Assert.Single(minutes.Resolutions).Rounds);
        Assert.True(round.ClosedOnSchedule);
        Assert.Equal(MeetingGrain.ScheduleActor, round.ClosedBy);
        Assert.True(round.ClosedAt >= round.ScheduledCloseAt);
        Assert.Equal(1, round.VotersNotified);
    }
}
