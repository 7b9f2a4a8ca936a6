using System.Net;
using System.Net.Http.Json;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.Dashboard;
using static CaseGrains.Cases.CaseNode;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A case's steps through the API (流程节点): statutory due dates counted from the acceptance, the stage and what is
/// overdue as the court's day turns, completion in order by the administrator, due dates by the case's judge, and a
/// ledger fact for each. The server's clock is a <see cref="ManualClock"/> set to half past eleven at night in
/// Shanghai, so that moving it one hour turns the court's day.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProgressTests(PostgresServer postgres) : IAsyncLifetime
{
    private readonly ManualClock clock = new(LateEveningInShanghai());
    private ServerHost server = null!;

    /// <summary>The court's day when the test starts.</summary>
    private DateOnly day;

    public async Task InitializeAsync()
    {
        // Sessions must outlive the hour the clock is moved.
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Security:SessionIdle"] = "02:00:00",
        }, clock);
        day = CourtCalendar.Today(clock);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    /// <summary>23:30 in Shanghai on the coming evening: within a day of the real time, so that sign-in codes and keys stay valid.</summary>
    private static DateTimeOffset LateEveningInShanghai()
    {
        var now = DateTimeOffset.UtcNow;
        var evening = CourtCalendar.StartOf(CourtCalendar.DayOf(now)).AddHours(23).AddMinutes(30);
        return evening > now.AddMinutes(5) ? evening : evening.AddDays(1);
    }

    private void NextCourtDay() => clock.Advance(TimeSpan.FromHours(1));

    [Fact]
    public async Task The_stage_and_what_is_overdue_follow_the_court_day_and_the_dashboard_and_the_case_group_show_them()
    {
        // Accepted 25 days ago: the notice and announcement (EBL 14) are due today.
        var scenario = await ProgressScenario.OpenAsync(server, "progress-day", day.AddDays(-25));
        await using var hub = await server.ConnectHubAsync(scenario.Judge);
        await hub.InvokeAsync("WatchCase", scenario.CaseId);

        var progress = await scenario.GetAsync();
        Assert.Equal(day, progress.Today);
        Assert.Equal(Announcement, progress.Current);
        Assert.Empty(progress.Overdue);
        Assert.Equal(PathOf(Procedure.Liquidation), progress.Nodes.Select(n => n.Node));
        Assert.Equal(Enumerable.Range(1, 17), progress.Nodes.Select(n => n.Step));
        var accepted = Node(progress, Acceptance);
        Assert.True(accepted.Completed && accepted.Automatic && Node(progress, AdministratorAppointed).Completed);
        Assert.Equal((scenario.Judge.Username, day.AddDays(-25)), (accepted.CompletedBy, accepted.CompletedOn!.Value));
        var announcement = Node(progress, Announcement);
        Assert.Equal((day, DueDateBasis.Statute, "EBL 14", false), (announcement.DueOn!.Value, announcement.DueBasis, announcement.Article, announcement.Overdue));
        // No period set by the court: the latest the law allows, from the day the announcement is due (EBL 45), and the first meeting 15 days later (EBL 62).
        Assert.Equal(day.AddMonths(3), Node(progress, DeclarationPeriod).DueOn);
        Assert.Equal(day.AddMonths(3).AddDays(15), Node(progress, FirstMeeting).DueOn);
        Assert.Equal(Node(progress, FirstMeeting).DueOn, Node(progress, CaseNode.ClaimList).DueOn);
        Assert.Null(Node(progress, PropertyInvestigation).DueOn);
        Assert.Equal(DueDateBasis.None, Node(progress, PropertyInvestigation).DueBasis);
        var dashboard = await scenario.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard");
        var row = Assert.Single(dashboard.Cases);
        Assert.Equal((Announcement, 0), (row.Stage!.Node, row.Overdue.Count));
        // At half past eleven the court's next day is half an hour away: an open dashboard reads again then.
        Assert.Equal((long)TimeSpan.FromMinutes(30).TotalMilliseconds, dashboard.NextDayInMilliseconds);

        NextCourtDay();

        progress = await scenario.GetAsync();
        Assert.Equal(day.AddDays(1), progress.Today);
        Assert.Equal([Announcement], progress.Overdue);
        Assert.True(Node(progress, Announcement).Overdue);
        row = Assert.Single((await scenario.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard")).Cases);
        Assert.Equal([Announcement], row.Overdue.Select(n => n.Node));
        Assert.Equal(day.AddDays(1), (await scenario.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard")).Today);

        var done = await scenario.CompleteAsync(Announcement, "已于《人民法院报》公告并书面通知已知债权人");
        Assert.Empty(done.Overdue);
        Assert.Equal(DeclarationPeriod, done.Current);
        var completed = Node(done, Announcement);
        Assert.Equal((true, false, scenario.Administrator.Username, "已于《人民法院报》公告并书面通知已知债权人"),
            (completed.Completed, completed.Automatic, completed.CompletedBy, completed.Note));
        Assert.Equal((clock.GetUtcNow(), day.AddDays(1)), (completed.CompletedAt!.Value, completed.CompletedOn!.Value));
        // Now counted from the day the announcement was made.
        Assert.Equal(day.AddDays(1).AddMonths(3), Node(done, DeclarationPeriod).DueOn);

        var seen = await hub.WaitForAsync<CaseProgressView>("progress", p => p.CaseId == scenario.CaseId && p.Current == DeclarationPeriod, TimeSpan.FromSeconds(10));
        Assert.Empty(seen.Overdue);
        var fact = Assert.Single(await scenario.LedgerAsync(), e => e.Kind == "progress.completed");
        Assert.Equal(scenario.Administrator.Username, fact.Actor);
        Assert.Equal(("announcement", false), ((string?)fact.Data["node"], (bool)fact.Data["automatic"]!));
    }

    [Fact]
    public async Task Steps_complete_in_order_and_the_declaration_period_ends_by_itself_after_its_last_day()
    {
        // Accepted 40 days ago with the declaration period ending today, as the acceptance ruling set it.
        var scenario = await ProgressScenario.OpenAsync(server, "progress-order", day.AddDays(-40), declarationDeadline: day);
        var creditor = await server.People.CreditorAsync(scenario.Administrator, scenario.CaseId, "order-cr1");

        ProblemAssert.Field(409, "node", await scenario.TryCompleteAsync(ClaimReview, "审查完毕"));
        Assert.Contains("comes after announcement", ProblemAssert.Field(409, "node", await scenario.TryCompleteAsync(CaseNode.ClaimList, "债权表已编制")), StringComparison.Ordinal);
        Assert.Contains("ends by itself", ProblemAssert.Field(409, "node", await scenario.TryCompleteAsync(DeclarationPeriod, "申报期届满")), StringComparison.Ordinal);
        ProblemAssert.Field(400, "note", await scenario.TryCompleteAsync(Announcement, "  "));
        await scenario.CompleteAsync(Announcement, "已公告");
        Assert.Contains("comes after declarationPeriod", ProblemAssert.Field(409, "node", await scenario.TryCompleteAsync(ClaimReview, "审查完毕")), StringComparison.Ordinal);
        // The period runs 30 days to 3 months from the announcement (EBL 45), and no due date comes before the acceptance.
        Assert.Contains("EBL 45", ProblemAssert.Field(400, "dueOn", await scenario.TrySetDueAsync(DeclarationPeriod, day.AddDays(10))), StringComparison.Ordinal);
        ProblemAssert.Field(400, "dueOn", await scenario.TrySetDueAsync(ClaimReview, day.AddDays(-41)));
        var onTime = await creditor.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims", new DeclareClaimRequest(creditor.CreditorId!, ClaimClass.Ordinary, 100_00));
        Assert.False(onTime.Late);

        NextCourtDay();

        var progress = await scenario.GetAsync();
        var period = Node(progress, DeclarationPeriod);
        Assert.Equal((true, true, "schedule"), (period.Completed, period.Automatic, period.CompletedBy));
        Assert.Equal((CourtCalendar.StartOf(day.AddDays(1)), day), (period.CompletedAt!.Value, period.CompletedOn!.Value));
        Assert.Equal(ClaimReview, progress.Current);
        ProblemAssert.Field(409, "node", await scenario.TrySetDueAsync(DeclarationPeriod, day.AddDays(40)));
        var late = await creditor.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims", new DeclareClaimRequest(creditor.CreditorId!, ClaimClass.Ordinary, 200_00));
        Assert.True(late.Late);

        await scenario.CompleteAsync(ClaimReview, "已审查全部申报债权");
        progress = await scenario.CompleteAsync(CaseNode.ClaimList, "债权表已编制并置备于管理人处供查阅");
        Assert.Equal(FirstMeeting, progress.Current);
        Assert.Contains("was completed on", ProblemAssert.Field(409, "node", await scenario.TryCompleteAsync(CaseNode.ClaimList, "again")), StringComparison.Ordinal);
        ProblemAssert.Field(404, "node", await scenario.TryCompleteAsync(PlanVote, "not a liquidation step"));
        ProblemAssert.Field(404, "node", await scenario.TryCompleteAsync("noSuchStep", "x"));

        var ledger = await scenario.LedgerAsync();
        Assert.Equal(["announcement", "claimReview", "claimList"], ledger.Where(e => e.Kind == "progress.completed").Select(e => (string?)e.Data["node"]));
    }

    [Fact]
    public async Task The_cases_judge_sets_due_dates_and_nobody_else_does_and_nobody_else_completes_steps()
    {
        var scenario = await ProgressScenario.OpenAsync(server, "progress-due", day.AddDays(-3), procedure: Procedure.Reorganization);
        var neighbour = await ProgressScenario.OpenAsync(server, "progress-next", day.AddDays(-3));
        var elsewhere = await ProgressScenario.OpenAsync(server, "progress-gz", day.AddDays(-3), court: "广州市中级人民法院");
        var creditor = await server.People.CreditorAsync(scenario.Administrator, scenario.CaseId, "due-cr1");

        var progress = await scenario.GetAsync(creditor);
        Assert.Equal(PathOf(Procedure.Reorganization), progress.Nodes.Select(n => n.Node));
        Assert.Equal((day.AddDays(-3).AddMonths(6), "EBL 79"), (Node(progress, PlanSubmitted).DueOn!.Value, Node(progress, PlanSubmitted).Article));

        // EBL 79(2): the court extends the time for the plan by three months.
        progress = await scenario.SetDueAsync(PlanSubmitted, day.AddDays(-3).AddMonths(9), "依债务人申请延期三个月");
        var plan = Node(progress, PlanSubmitted);
        Assert.Equal((day.AddDays(-3).AddMonths(9), DueDateBasis.Judge, day.AddDays(-3).AddMonths(6), "依债务人申请延期三个月"),
            (plan.DueOn!.Value, plan.DueBasis, plan.StatutoryDueOn!.Value, plan.DueReason));
        progress = await scenario.SetDueAsync(ClaimReview, day.AddDays(20));
        Assert.Equal((day.AddDays(20), DueDateBasis.Judge), (Node(progress, ClaimReview).DueOn!.Value, Node(progress, ClaimReview).DueBasis));
        // An order made before it was entered: the step is overdue at once.
        progress = await scenario.SetDueAsync(ClaimReview, day.AddDays(-1));
        Assert.Contains(ClaimReview, progress.Overdue);

        var fact = Assert.Single(await scenario.LedgerAsync(), e => e.Kind == "progress.dueDateSet" && (string?)e.Data["node"] == "planSubmitted");
        Assert.Equal((scenario.Judge.Username, day.AddDays(-3).AddMonths(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            (fact.Actor, (string?)fact.Data["dueOn"]));

        var before = (await scenario.LedgerAsync()).Count;
        Assert.Equal(403, (await scenario.TrySetDueAsync(ClaimReview, day.AddDays(30), scenario.Administrator)).Status);
        Assert.Equal(403, (await scenario.TrySetDueAsync(ClaimReview, day.AddDays(30), elsewhere.Judge)).Status);
        Assert.Equal(403, (await scenario.TrySetDueAsync(ClaimReview, day.AddDays(30), creditor)).Status);
        // Another judge of the same court passes the court's door but is not this case's judge.
        ProblemAssert.Field(403, "judgeId", await scenario.TrySetDueAsync(ClaimReview, day.AddDays(30), neighbour.Judge));
        Assert.Equal(403, (await scenario.TryCompleteAsync(Announcement, "公告", neighbour.Administrator)).Status);
        Assert.Equal(403, (await scenario.TryCompleteAsync(Announcement, "公告", creditor)).Status);
        Assert.Equal(403, (await scenario.TryCompleteAsync(Announcement, "公告", scenario.Judge)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.Judge.Http.GetAsync(scenario.Progress)).StatusCode);
        Assert.Equal(before, (await scenario.LedgerAsync()).Count);
        Assert.Null(Node(await scenario.GetAsync(), Announcement).CompletedAt);
    }

    [Fact]
    public async Task The_dashboard_lists_the_courts_cases_with_live_meetings_and_what_waits_and_votes_complete_the_steps_they_settle()
    {
        var scenario = new CaseScenario(server, "dash-a");
        await scenario.OpenAsync();
        var claims = await scenario.CreditorsDeclareAndAreConfirmedAsync(2);
        var pendingCreditor = await scenario.InviteAsync(scenario.CreditorOf(2));
        var undetermined = await pendingCreditor.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims",
            new DeclareClaimRequest(pendingCreditor.CreditorId!, ClaimClass.Ordinary, 50_000_00));
        var sameCourt = await ProgressScenario.OpenAsync(server, "dash-b", day.AddDays(-3));
        var otherCourt = await ProgressScenario.OpenAsync(server, "dash-gz", day.AddDays(-3), court: "广州市中级人民法院");
        await scenario.Administrator.Http.PutOk<CaseGrains.Meetings.MeetingView>($"/api/cases/{scenario.CaseId}/meetings/{scenario.MeetingId}",
            new ScheduleMeetingRequest("第一次债权人会议", clock.GetUtcNow(), [
                new CaseGrains.Meetings.ResolutionDraft("r1", "财产管理方案", CaseGrains.Meetings.Voting.ResolutionKind.PropertyManagementPlan),
                new CaseGrains.Meetings.ResolutionDraft("r2", "其他事项", CaseGrains.Meetings.Voting.ResolutionKind.Ordinary)]));
        await scenario.OpenVotingAsync();
        await using var hub = await server.ConnectHubAsync(scenario.Judge);
        await hub.InvokeAsync("WatchCase", scenario.CaseId);
        await hub.InvokeAsync("WatchMeetingAsStaff", scenario.MeetingId);

        var dashboard = await scenario.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard");
        Assert.Equal(CaseScenario.DefaultCourt, dashboard.Court);
        Assert.Equal([scenario.CaseId, sameCourt.CaseId], dashboard.Cases.Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(dashboard.Cases, c => c.CaseId == otherCourt.CaseId);
        Assert.Equal([otherCourt.CaseId], (await otherCourt.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard")).Cases.Select(c => c.CaseId));
        Assert.Equal(HttpStatusCode.Forbidden, (await scenario.Administrator.Http.GetAsync("/api/judge/dashboard")).StatusCode);
        var row = dashboard.Cases.Single(c => c.CaseId == scenario.CaseId);
        Assert.Equal(("深圳示例科技有限公司", Procedure.Liquidation), (row.DebtorName, row.Procedure));
        var live = Assert.Single(row.Meetings);
        Assert.Equal((CaseGrains.Meetings.ResolutionStatus.Open, 0), (live.Resolutions[0].Status, live.Resolutions[0].Tally!.VotesRecorded));
        // Accepted on 2026-03-01 with no period set: the announcement and everything counted from it are long overdue.
        Assert.Contains(row.Overdue, n => n.Node == Announcement);
        // The undetermined claim cannot vote on r2 without a provisional amount (EBL 59(2)).
        var provisional = Assert.Single(row.Waiting);
        Assert.Equal((WaitingItemKinds.ProvisionalAmount, undetermined.ClaimId, scenario.MeetingId), (provisional.Kind, provisional.Subject, provisional.Reference));

        for (var i = 0; i < 2; i++)
            await scenario.Creditors[i].Http.PostOk<CaseGrains.Meetings.BallotAck>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots",
                new BallotRequest(CaseGrains.Meetings.Voting.VoteChoice.For));
        await hub.WaitForAsync<CaseGrains.Meetings.TallyUpdate>("tally", t => t.Tally.VotesRecorded == 2, TimeSpan.FromSeconds(10));
        row = (await scenario.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard")).Cases.Single(c => c.CaseId == scenario.CaseId);
        Assert.Equal(2, row.Meetings[0].Resolutions[0].Tally!.VotesRecorded);

        // A creditor objects: the court's ruling waits; the disputed claim is undetermined again for r2.
        await scenario.Creditors[1].Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims/{claims[0].ClaimId}/objections", new ObjectionRequest("金额有误"));
        (await scenario.Judge.Http.PostAsJsonAsync($"/api/meetings/{scenario.MeetingId}/provisional-amounts", new ProvisionalAmountRequest(undetermined.ClaimId, 10_000_00),
            ApiJson.Options)).EnsureSuccessStatusCode();
        row = (await scenario.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard")).Cases.Single(c => c.CaseId == scenario.CaseId);
        Assert.Equal([(WaitingItemKinds.ProvisionalAmount, claims[0].ClaimId), (WaitingItemKinds.ClaimObjection, claims[0].ClaimId)],
            row.Waiting.Select(w => (w.Kind, w.Subject)).OrderBy(w => w.Kind == WaitingItemKinds.ClaimObjection));

        // The meeting adopts the management plan: its step completes; the first meeting completes once its whole agenda is voted on.
        await scenario.CloseVotingAsync();
        var progress = await hub.WaitForAsync<CaseProgressView>("progress", p => Node(p, ManagementPlan).Completed, TimeSpan.FromSeconds(10));
        Assert.False(Node(progress, FirstMeeting).Completed);
        Assert.Equal((true, scenario.Administrator.Username), (Node(progress, ManagementPlan).Automatic, Node(progress, ManagementPlan).CompletedBy));
        await scenario.Administrator.Http.PostOk<CaseGrains.Meetings.ResolutionView>($"/api/meetings/{scenario.MeetingId}/resolutions/r2/open", new { });
        await scenario.Administrator.Http.PostOk<CaseGrains.Meetings.ResolutionView>($"/api/meetings/{scenario.MeetingId}/resolutions/r2/close", new { });
        progress = await scenario.Judge.Http.GetOk<CaseProgressView>($"/api/cases/{scenario.CaseId}/progress");
        var first = Node(progress, FirstMeeting);
        Assert.True(first.Completed && first.Automatic);
        Assert.Contains(scenario.MeetingId, first.Note, StringComparison.Ordinal);
        Assert.Empty((await scenario.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard")).Cases.Single(c => c.CaseId == scenario.CaseId).Meetings);

        // The final distribution completes its step; the termination ruling is due within 15 days (EBL 120).
        await CaseAccountKit.PayRoundAsync(scenario.Judge, scenario.Administrator, scenario.CaseId, final: true);
        progress = await scenario.Judge.Http.GetOk<CaseProgressView>($"/api/cases/{scenario.CaseId}/progress");
        Assert.True(Node(progress, DistributionExecuted).Completed);
        Assert.Equal(day.AddDays(15), Node(progress, Termination).DueOn);
        var automatic = (await new ProgressScenario { Server = server, CaseId = scenario.CaseId, Judge = scenario.Judge, Administrator = scenario.Administrator }
            .LedgerAsync()).Where(e => e.Kind == "progress.completed").Select(e => ((string?)e.Data["node"], (bool)e.Data["automatic"]!));
        Assert.Equal([("managementPlan", true), ("firstMeeting", true), ("distributionExecuted", true)], automatic);
    }

    private static ProgressNodeView Node(CaseProgressView progress, CaseNode node) => progress.Nodes.Single(n => n.Node == node);

    private static IEnumerable<CaseNode> PathOf(Procedure procedure) => CaseGrains.Cases.Progress.ProgressPath.For(procedure);
}
