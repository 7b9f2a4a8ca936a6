using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>A class that rejected a reorganization plan votes once more (EBL 87(1)).</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingRevoteTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_rejecting_ordinary_class_votes_once_more_and_its_acceptance_adopts_the_plan()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "revote-2026");
        await scenario.DeclareAsync("cr-bank", 10_000_000, securedFen: 10_000_000);
        await scenario.DeclareCreditorsAsync(4);
        await scenario.SignInCreditorsAsync(["cr-bank", .. Enumerable.Range(0, 4).Select(scenario.CreditorOf)]);
        await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("plan", "重整计划草案", ResolutionKind.ReorganizationPlan),
            new ResolutionDraft("r2", "财产管理方案", ResolutionKind.PropertyManagementPlan));
        await scenario.OpenAsync("plan");
        await scenario.VoteAsync("plan", "cr-bank", VoteChoice.For);
        await scenario.VoteAsync("plan", scenario.CreditorOf(0), VoteChoice.For);
        for (var i = 1; i < 4; i++) await scenario.VoteAsync("plan", scenario.CreditorOf(i), VoteChoice.Against);

        var first = await scenario.CloseAsync("plan");
        Assert.False(first.Outcome!.Passed);
        Assert.True(first.Outcome.Classes.Single(c => c.Class == VotingClass.Secured).Accepted);
        Assert.False(first.Outcome.Classes.Single(c => c.Class == VotingClass.Ordinary).Accepted);

        var revote = $"{scenario.Meeting}/resolutions/plan/revote";
        ProblemAssert.Field(409, "votingClass", await scenario.Administrator.Http.SendJson(HttpMethod.Post, revote,
            new RevoteRequest(VotingClass.Secured)));
        ProblemAssert.Field(409, "votingClass", await scenario.Administrator.Http.SendJson(HttpMethod.Post, revote,
            new RevoteRequest(VotingClass.Tax)));
        ProblemAssert.Field(409, "resolutionId", await scenario.Administrator.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r2/revote",
            new RevoteRequest(VotingClass.Ordinary)));

        var reopened = await scenario.Administrator.Http.PostOk<ResolutionView>(revote, new RevoteRequest(VotingClass.Ordinary));
        Assert.Equal((ResolutionStatus.Open, 1, VotingClass.Ordinary), (reopened.Status, reopened.Round, reopened.RevoteOf));
        Assert.Equal(VotingClass.Ordinary, reopened.Tally!.RevoteOf);
        ProblemAssert.Field(403, "creditorId", await scenario.Creditor("cr-bank").Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/plan/ballots",
            new BallotRequest(VoteChoice.Against)));
        var changed = new List<BallotAck>();
        for (var i = 1; i < 4; i++) changed.Add(await scenario.VoteAsync("plan", scenario.CreditorOf(i), VoteChoice.For));
        Assert.All(changed, a => Assert.Equal((1, 2L), (a.Round, a.BallotNumber)));

        var second = await scenario.CloseAsync("plan");
        Assert.True(second.Outcome!.Passed);
        var ordinary = second.Outcome.Classes.Single(c => c.Class == VotingClass.Ordinary);
        Assert.True(ordinary.Accepted && ordinary.IsRevote);
        Assert.Equal(2, second.RoundOutcomes.Count);
        Assert.False(second.RoundOutcomes[0].Passed);
        Assert.Equal(VotingClass.Ordinary, second.RoundOutcomes[1].RevoteOf);
        ProblemAssert.Field(409, "votingClass", await scenario.Administrator.Http.SendJson(HttpMethod.Post, revote,
            new RevoteRequest(VotingClass.Ordinary)));

        var minutes = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        var rounds = minutes.Resolutions.Single(r => r.ResolutionId == "plan").Rounds;
        Assert.Equal([5, 3], rounds.Select(r => r.VotersNotified));
        Assert.Equal([5, 4], rounds.Select(r => r.VotersOnRoll));
        Assert.True(minutes.Resolutions.Single(r => r.ResolutionId == "plan").Outcome!.Passed);
        Assert.Contains(minutes.Entries, e => e.Event == "voting.revote-opened" && e.Details["class"] == "Ordinary");

        // All of it is rebuilt from the stored facts.
        await scenario.RestartAsync();
        var again = (await scenario.Administrator.Http.GetOk<MeetingView>(scenario.Meeting)).Resolutions.Single(r => r.ResolutionId == "plan");
        Assert.Equal((ResolutionStatus.Closed, 1, true, 2), (again.Status, again.Round, again.Outcome!.Passed, again.RoundOutcomes.Count));
    }
}
