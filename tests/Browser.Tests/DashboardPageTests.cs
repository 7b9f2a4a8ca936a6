using System.Globalization;
using CaseGrains.Cases;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

/// <summary>
/// The judge's dashboard in the browser: every case of the court with its overdue steps and its live meetings, changing
/// in place as creditors vote and the administrator completes steps; and the progress section of the case page where
/// the administrator completes a step and the judge sets a due date.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task The_judges_dashboard_shows_an_overdue_step_and_a_live_tally_changing_as_two_creditors_vote_without_reload()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        // Accepted on 2026-03-01: the announcement was due within 25 days (EBL 14) and was never recorded.
        var scenario = await BrowserScenario.CreateAsync(server, "browser-dash", creditors: 2, withClaims: true);
        await scenario.OpenMeetingAsync();
        var row = $"tr.case-row[data-case-id='{scenario.CaseId}']";

        var judge = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(judge, scenario.Judge);
        await judge.WaitForSelectorAsync($"{row} ul.overdue-list li[data-node='announcement']");
        Assert.Contains("Announcement and creditor notices", await judge.InnerTextAsync($"{row} td.overdue-cell"), StringComparison.Ordinal);
        Assert.Equal("announcement", await judge.GetAttributeAsync($"{row} td.stage", "data-node"));
        var tally = $"article.live-meeting[data-meeting-id='{scenario.MeetingId}'] table.tally";
        await judge.WaitForSelectorAsync($"{tally}[data-votes='0']");
        await judge.WaitForSelectorAsync("#live-meetings[data-watching='true']");
        var navigations = 0;
        judge.FrameNavigated += (_, frame) => { if (frame == judge.MainFrame) navigations++; };

        for (var i = 0; i < 2; i++)
        {
            await scenario.Creditors[i].Http.PostOk<BallotAck>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots",
                new BallotRequest(i == 0 ? VoteChoice.For : VoteChoice.Against));
            await judge.WaitForSelectorAsync($"{tally}[data-votes='{i + 1}']");
        }
        Assert.StartsWith("1 / 1 / 0 (2)", await judge.InnerTextAsync($"{tally} td.heads"), StringComparison.Ordinal);
        Assert.Contains("2 ballots", await judge.InnerTextAsync($"{row} td.meetings-cell"), StringComparison.Ordinal);

        // The administrator records the announcement: the step leaves the judge's overdue list in place.
        await scenario.Administrator.Http.PostOk<CaseProgressView>($"/api/cases/{scenario.CaseId}/progress/announcement/complete",
            new CompleteStepRequest("已于《人民法院报》公告"));
        await judge.WaitForSelectorAsync($"{row} ul.overdue-list li[data-node='announcement']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        Assert.Equal("declarationPeriod", await judge.GetAttributeAsync($"{row} td.stage", "data-node"));
        Assert.Equal(0, navigations);
        await Chromium.ScreenshotAsync(judge, "dashboard-live-tally");

        await judge.ClickAsync($"{row} a.case-link");
        await judge.WaitForSelectorAsync("main[data-view='case'] table.progress tr[data-node='announcement'][data-completed='true']");
    }

    [Fact]
    public async Task A_dashboard_left_open_over_the_courts_midnight_shows_the_step_that_fell_overdue_without_a_reload()
    {
        // The server's clock stands four seconds before the court's midnight ending day D. D is a month ahead of the
        // real date, so that cookies the server dates by its clock are still good in the browser.
        var dueOn = CourtCalendar.Today(TimeProvider.System).AddDays(30);
        var clock = new ManualClock(CourtCalendar.StartOf(dueOn.AddDays(1)).AddSeconds(-4));
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), clock: clock);
        var scenario = await BrowserScenario.CreateAsync(server, "browser-midnight", creditors: 0, withClaims: false);
        await scenario.Judge.Http.PutOk<CaseProgressView>($"/api/cases/{scenario.CaseId}/progress/propertyInvestigation/due-date",
            new StepDueDateRequest(dueOn, "须于当日完成"));
        var row = $"tr.case-row[data-case-id='{scenario.CaseId}']";

        var judge = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(judge, scenario.Judge, clock);
        await judge.WaitForSelectorAsync("#live-meetings[data-watching='true']");
        await judge.WaitForSelectorAsync($"{row} ul.overdue-list li[data-node='announcement']");
        Assert.Equal(0, await judge.Locator($"{row} li[data-node='propertyInvestigation']").CountAsync());
        var navigations = 0;
        judge.FrameNavigated += (_, frame) => { if (frame == judge.MainFrame) navigations++; };

        // Midnight passes on the server; nothing changes that could be pushed. The page reads again as the day begins.
        clock.Advance(TimeSpan.FromSeconds(10));

        await judge.WaitForSelectorAsync($"{row} ul.overdue-list li[data-node='propertyInvestigation']");
        var courtDay = dueOn.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Assertions.Expect(judge.Locator("#court-day")).ToHaveAttributeAsync("data-day", courtDay);
        Assert.Equal(0, navigations);
    }

    [Fact]
    public async Task The_administrator_completes_a_step_and_the_judge_sets_a_due_date_on_the_case_page_while_the_dashboard_follows()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-steps", creditors: 0, withClaims: false);
        var row = $"tr.case-row[data-case-id='{scenario.CaseId}']";

        var judge = await chromium.NewPersonAsync(server.Address, language: "zh-CN");
        await SignIn.AsAsync(judge, scenario.Judge);
        await judge.WaitForSelectorAsync($"{row} ul.overdue-list li[data-node='announcement']");
        Assert.Contains("通知债权人并公告", await judge.InnerTextAsync($"{row} td.overdue-cell"), StringComparison.Ordinal);
        await judge.WaitForSelectorAsync("#live-meetings[data-watching='true']");

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}");
        await administrator.WaitForSelectorAsync("table.progress tr[data-node='announcement'][data-overdue='true']");
        Assert.Equal("announcement", await administrator.InputValueAsync("#complete-step"));
        await administrator.FillAsync("#complete-note", "已于《人民法院报》公告并书面通知已知债权人");
        await administrator.ClickAsync("#complete-form button[type=submit]");
        await administrator.WaitForSelectorAsync("table.progress tr[data-node='announcement'][data-completed='true']");
        Assert.Contains("已于《人民法院报》公告", await administrator.InnerTextAsync("table.progress tr[data-node='announcement']"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(administrator, "progress-administrator-completes");

        await judge.WaitForSelectorAsync($"{row} ul.overdue-list li[data-node='announcement']", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
        await judge.ClickAsync($"{row} a.case-link");
        await judge.WaitForSelectorAsync("main[data-view='case'] #due-form");
        var due = CourtCalendar.Today(TimeProvider.System).AddDays(30);
        await judge.SelectOptionAsync("#due-step", "propertyInvestigation");
        await judge.FillAsync("#due-on", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await judge.FillAsync("#due-reason", "合议庭指定");
        await judge.ClickAsync("#due-form button[type=submit]");
        var investigation = "table.progress tr[data-node='propertyInvestigation'] td.due";
        await judge.WaitForSelectorAsync($"{investigation}:has-text('法院指定')");
        Assert.Contains("合议庭指定", await judge.InnerTextAsync(investigation), StringComparison.Ordinal);
        Assert.Contains($"{due.Year}年{due.Month}月{due.Day}日", await judge.InnerTextAsync(investigation), StringComparison.Ordinal);
        Assert.Equal(0, await administrator.Locator("#due-form").CountAsync());
        await Chromium.ScreenshotAsync(judge, "progress-judge-sets-due-date");
    }
}
