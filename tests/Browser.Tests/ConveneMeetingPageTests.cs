using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Browser.Tests;

/// <summary>The administrator convenes a meeting with its agenda from the case page, and opens its first vote.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConveneMeetingPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task The_administrator_convenes_a_meeting_with_two_resolutions_and_lands_on_its_page()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-convene", creditors: 1, withClaims: true);
        var admin = await chromium.NewPersonAsync(server.Address, language: "zh-CN");
        await SignIn.AsAsync(admin, scenario.Administrator);
        await admin.GotoAsync($"/#/cases/{scenario.CaseId}");
        await admin.WaitForSelectorAsync("#convene-form");

        await admin.FillAsync("input[name=startsAt]", DateTime.Now.AddDays(16).ToString("yyyy-MM-ddT09:30", System.Globalization.CultureInfo.InvariantCulture));
        await admin.SelectOptionAsync("select[name=visibility]", "afterClose");
        await admin.FillAsync("input[name=resolution-1]", "财产管理方案");
        await admin.ClickAsync("#convene-form button.secondary");
        await admin.FillAsync("input[name=resolution-2]", "破产财产变价方案");
        await admin.SelectOptionAsync("select[name=kind-2]", "realizationPlan");
        await Chromium.ScreenshotAsync(admin, "convene-form");
        await admin.ClickAsync("#convene-form button[type=submit]");

        await admin.WaitForSelectorAsync("main[data-view='meeting']");
        Assert.Equal(2, await admin.Locator("section.resolution").CountAsync());
        var meeting = await scenario.Administrator.Http.GetOk<MeetingView>($"/api/meetings/{scenario.MeetingId}");
        Assert.Equal(("第一次债权人会议", TallyVisibility.AfterClose), (meeting.Title, meeting.Visibility));
        Assert.Equal([("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan), ("r2", "破产财产变价方案", ResolutionKind.RealizationPlan)],
            meeting.Resolutions.Select(r => (r.ResolutionId, r.Title, r.Kind)));
        await admin.ClickAsync("#resolution-r1 button.control.open");
        await admin.WaitForSelectorAsync("#resolution-r1[data-status='open']");
        await Chromium.ScreenshotAsync(admin, "convened-meeting");
    }
}
