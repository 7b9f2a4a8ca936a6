using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>What the meeting records before voting opens changes who votes with what: provisional amounts, waivers, shareholders.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingEligibilityTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_provisional_amount_a_waived_priority_and_a_shareholder_count_where_the_law_says()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "eligible-2026");
        await scenario.DeclareAsync("cr-ok", 1_000_000);
        var pending = await scenario.DeclareAsync("cr-pending", 2_000_000, confirm: false);
        var bank = await scenario.DeclareAsync("cr-bank", 3_000_000, securedFen: 3_000_000);
        await scenario.SignInCreditorsAsync(["cr-ok", "cr-pending", "cr-bank", "sh-1"]);
        await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan),
            new ResolutionDraft("r2", "财产管理方案", ResolutionKind.PropertyManagementPlan),
            new ResolutionDraft("plan", "重整计划草案", ResolutionKind.ReorganizationPlan, AdjustsEquity: true));

        // The court sets the amount, the bank waives its own priority, the administrator lists the shareholder.
        await MeetingScenario.PostAsync(scenario.Judge, $"{scenario.Meeting}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 1_500_000, "(2026)粤03破1号之一"));
        await MeetingScenario.PostAsync(scenario.Creditor("cr-bank"), $"{scenario.Meeting}/priority-waivers", new PriorityWaiverRequest(bank.ClaimId, "cr-bank"));
        await MeetingScenario.PostAsync(scenario.Administrator, $"{scenario.Meeting}/shareholders", new ShareholderRequest("sh-1", 5_000_000));

        // Distribution plan: the undetermined claim votes with the court's amount, the waived claim in full (EBL 59(2), (3)).
        await scenario.OpenAsync("r1");
        var r1 = await scenario.TallyAsync("r1");
        Assert.Equal(1_000_000 + 1_500_000 + 3_000_000, r1.UnsecuredDenominatorFen);
        await scenario.VoteAsync("r1", "cr-pending", VoteChoice.For);
        await scenario.VoteAsync("r1", "cr-bank", VoteChoice.For);
        var counted = Assert.Single((await scenario.TallyAsync("r1")).Classes);
        Assert.Equal((2, 4_500_000L), (counted.HeadsFor, counted.AmountForFen));
        // A shareholder is no member of the creditors' meeting.
        ProblemAssert.Field(403, "creditorId", await scenario.Creditor("sh-1").Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1/ballots",
            new BallotRequest(VoteChoice.For)));

        // The same roll again is stored once.
        await scenario.OpenAsync("r2");
        var opened = (await scenario.StoredFactsAsync()).Where(f => (string?)f.Data["fact"] == "voting.opened").ToList();
        Assert.Equal(3, opened[0].Data["roll"]!.AsArray().Count);
        Assert.Empty(opened[1].Data["roll"]!.AsArray());
        Assert.Equal("r1", (string?)opened[1].Data["sameRollAs"]);
        await scenario.VoteAsync("r2", "cr-ok", VoteChoice.Against);
        Assert.Equal(1, Assert.Single((await scenario.TallyAsync("r2")).Classes).HeadsAgainst);

        // The plan adjusts equity: the shareholder votes in its class with its equity (EBL 85(2)).
        await scenario.OpenAsync("plan");
        await scenario.VoteAsync("plan", "sh-1", VoteChoice.For);
        var plan = await scenario.TallyAsync("plan");
        var shareholders = plan.Classes.Single(c => c.Class == VotingClass.Shareholder);
        Assert.Equal((1, 1, 5_000_000L), (shareholders.Members, shareholders.HeadsFor, shareholders.AmountForFen));
        Assert.DoesNotContain(plan.Classes, c => c.Class == VotingClass.Secured);
        Assert.Equal(1_000_000 + 1_500_000 + 3_000_000, plan.Classes.Single(c => c.Class == VotingClass.Ordinary).TotalFen);
        await MeetingScenario.PostAsync(scenario.Creditor("sh-1"), $"{scenario.Meeting}/checkins", new { });

        var minutes = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        Assert.Equal(["meeting.scheduled", "meeting.provisional-amount", "meeting.priority-waived", "meeting.shareholder", "voting.opened", "voting.opened", "voting.opened"],
            minutes.Entries.Select(e => e.Event));
        Assert.Equal("1500000", minutes.Entries[1].Details["amountFen"]);
        Assert.Equal(1, minutes.Attendance.CheckedIn);
    }

    [Fact]
    public async Task Without_a_provisional_amount_an_undetermined_claim_does_not_vote_and_one_set_later_counts_only_for_later_rolls()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "eligible-late");
        await scenario.DeclareAsync("cr-ok", 1_000_000);
        var pending = await scenario.DeclareAsync("cr-pending", 2_000_000, confirm: false);
        await scenario.SignInCreditorAsync("cr-pending");
        await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan),
            new ResolutionDraft("r2", "财产变价方案", ResolutionKind.RealizationPlan));
        await scenario.OpenAsync("r1");
        Assert.Equal(1_000_000, (await scenario.TallyAsync("r1")).UnsecuredDenominatorFen);

        await MeetingScenario.PostAsync(scenario.Judge, $"{scenario.Meeting}/provisional-amounts", new ProvisionalAmountRequest(pending.ClaimId, 700_000));
        await scenario.OpenAsync("r2");

        ProblemAssert.Field(403, "creditorId", await scenario.Creditor("cr-pending").Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1/ballots",
            new BallotRequest(VoteChoice.For)));
        await scenario.VoteAsync("r2", "cr-pending", VoteChoice.For);
        Assert.Equal(1_700_000, (await scenario.TallyAsync("r2")).UnsecuredDenominatorFen);
        Assert.Equal(700_000, Assert.Single((await scenario.TallyAsync("r2")).Classes).AmountForFen);
        Assert.Equal(ClaimStatus.Declared, (await scenario.Administrator.Http.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims")).Single(c => c.ClaimId == pending.ClaimId).Status);
    }
}
