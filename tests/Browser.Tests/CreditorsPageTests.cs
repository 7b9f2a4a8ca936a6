using CaseGrains.Testing;

namespace CaseGrains.Browser.Tests;

/// <summary>The administrator's list of a case's creditors, and inviting one from the page with a one-time code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CreditorsPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task The_administrator_invites_a_creditor_from_the_page_who_joins_with_the_link_and_then_appears_in_the_list()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-roster", creditors: 2, withClaims: true);
        var admin = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(admin, scenario.Administrator);
        await admin.GotoAsync($"/#/cases/{scenario.CaseId}");
        await admin.ClickAsync("a.creditors-link");
        await admin.WaitForSelectorAsync("main[data-view='creditors']");
        Assert.Equal("2 creditors", await admin.InnerTextAsync("#creditor-total"));
        // Creditor 1 declared 20,000.00 yuan and was confirmed in full.
        Assert.Equal("¥20,000.00", await admin.InnerTextAsync($"tr[data-creditor='{scenario.Creditors[1].CreditorId}'] td.confirmed"));

        // An id the platform cannot take is refused under the field, and no code is issued.
        await admin.FillAsync("input[name=creditorId]", "no spaces allowed");
        await admin.ClickAsync("#invite-form button[type=submit]");
        await admin.WaitForSelectorAsync("input[name=creditorId][aria-invalid='true']");
        Assert.Equal("", await admin.InnerTextAsync("#invitation-issued"));

        await admin.FillAsync("input[name=creditorId]", "browser-roster-newcomer");
        await admin.ClickAsync("#invite-form button[type=submit]");
        var link = await (await admin.WaitForSelectorAsync("a.join-link"))!.GetAttributeAsync("href");
        await Chromium.ScreenshotAsync(admin, "creditors-invitation-issued");

        var newcomer = await chromium.NewPersonAsync(server.Address, phone: true);
        await newcomer.GotoAsync(link!);
        await newcomer.FillAsync("input[name=username]", "newcomer-roster");
        await newcomer.FillAsync("input[name=password]", "a long enough password");
        await newcomer.ClickAsync("form button[type=submit]");
        await newcomer.WaitForSelectorAsync("main[data-view='home']");
        await newcomer.WaitForSelectorAsync($"a[href='#/cases/{scenario.CaseId}']");

        await admin.ReloadAsync();
        var row = await admin.WaitForSelectorAsync("tr[data-creditor='browser-roster-newcomer']");
        Assert.Contains("Invited", await row!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("3 creditors", await admin.InnerTextAsync("#creditor-total"));
        await Chromium.ScreenshotAsync(admin, "creditors-after-join");
    }
}
