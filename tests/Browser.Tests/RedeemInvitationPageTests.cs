using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Browser.Tests;

/// <summary>A creditor with an account already joins a second case from the home page with the code it was sent.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RedeemInvitationPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task A_signed_in_creditor_enters_a_second_invitation_and_the_case_appears_in_the_list()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var first = await BrowserScenario.CreateAsync(server, "browser-first", creditors: 1, withClaims: false);
        var second = await BrowserScenario.CreateAsync(server, "browser-second", creditors: 0, withClaims: false);
        var creditor = first.Creditors[0];
        var invitation = await second.Administrator.Http.PostOk<InvitationCreated>($"/api/cases/{second.CaseId}/invitations",
            new InviteRequest(creditor.CreditorId!));

        var page = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(page, creditor);
        await page.WaitForSelectorAsync($"a[href='#/cases/{first.CaseId}']");
        Assert.Null(await page.QuerySelectorAsync($"a[href='#/cases/{second.CaseId}']"));

        // A code nobody issued is refused under the field.
        await page.FillAsync("input[name=invitationCode]", "NOSUCHCODE");
        await page.ClickAsync("#redeem-form button[type=submit]");
        await page.WaitForSelectorAsync("input[name=invitationCode][aria-invalid='true']");
        Assert.Null(await page.QuerySelectorAsync($"a[href='#/cases/{second.CaseId}']"));

        await page.FillAsync("input[name=invitationCode]", invitation.Code);
        await page.ClickAsync("#redeem-form button[type=submit]");
        await page.WaitForSelectorAsync($"a[href='#/cases/{second.CaseId}']");
        Assert.Null(await page.QuerySelectorAsync("input[name=invitationCode][aria-invalid='true']"));
        Assert.Contains("(2026)粤03破7号", await page.InnerTextAsync("#redeem-status"), StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync($"a[href='#/cases/{first.CaseId}']"));
        await Chromium.ScreenshotAsync(page, "home-after-redeeming-invitation");
    }
}
