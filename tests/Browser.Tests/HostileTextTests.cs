using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class HostileTextTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task Script_in_a_name_is_shown_as_text_and_never_runs()
    {
        const string Hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>'; drop table grain; --";
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-hostile", creditors: 1, withClaims: true);
        await scenario.Administrator.Http.PutOk<MeetingView>($"/api/cases/{scenario.CaseId}/meetings/{scenario.MeetingId}",
            new ScheduleMeetingRequest(Hostile, DateTimeOffset.UtcNow, [new ResolutionDraft("r1", Hostile, ResolutionKind.Ordinary)]));
        var page = await chromium.NewPersonAsync(server.Address);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await SignIn.AsAsync(page, scenario.Creditors[0]);
        await page.GotoAsync($"/#/meetings/{scenario.MeetingId}");
        await page.WaitForSelectorAsync("main[data-view='meeting']");

        Assert.Contains(Hostile, await page.InnerTextAsync("main h2"), StringComparison.Ordinal);
        Assert.Contains(Hostile, await page.InnerTextAsync("section.resolution h3"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main img, main script").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, dialogs);
        await Chromium.ScreenshotAsync(page, "hostile-text");
    }
}
