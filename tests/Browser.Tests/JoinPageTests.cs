using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

/// <summary>A creditor without an account opens the invitation link, chooses a user name and password and is signed in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class JoinPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task A_taken_user_name_and_an_unknown_code_are_explained_under_their_fields_and_the_right_ones_join_the_case()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-join", creditors: 1, withClaims: false);
        var invitation = await scenario.Administrator.Http.PostOk<InvitationCreated>($"/api/cases/{scenario.CaseId}/invitations",
            new InviteRequest("browser-join-cr1"));

        var page = await chromium.NewPersonAsync(server.Address);
        await page.GotoAsync($"/#/join?code={Uri.EscapeDataString(invitation.Code)}");
        Assert.Equal(invitation.Code, await page.InputValueAsync("input[name=invitation]"));
        var username = page.Locator("input[name=username]");
        var code = page.Locator("input[name=invitation]");
        await username.FillAsync(scenario.Creditors[0].Username);
        await page.FillAsync("input[name=password]", "a long enough password");
        await page.ClickAsync("form button[type=submit]");

        await Assertions.Expect(page.Locator("input[name=username] ~ p.field-error")).ToContainTextAsync("is taken");
        await Assertions.Expect(username).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(username).ToBeFocusedAsync();
        Assert.Equal("", await page.InnerTextAsync("form p[role=alert]"));
        Assert.Null(await code.GetAttributeAsync("aria-invalid"));
        await Chromium.ScreenshotAsync(page, "join-field-error");

        // The server names the invitation "code": its reason lands under the invitation field, and the user name is clear again.
        await code.FillAsync("NOSUCHCODE");
        await username.FillAsync("browser-join-newcomer");
        await page.ClickAsync("form button[type=submit]");
        await Assertions.Expect(page.Locator("input[name=invitation] ~ p.field-error")).ToContainTextAsync("unknown, used or expired");
        await Assertions.Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await username.GetAttributeAsync("aria-invalid"));
        Assert.Equal("", await page.InnerTextAsync("input[name=username] ~ p.field-error"));

        await code.FillAsync(invitation.Code);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForSelectorAsync("main[data-view='home']");
        await page.WaitForSelectorAsync($"a[href='#/cases/{scenario.CaseId}']");
    }
}
