using CaseGrains.Testing;

namespace CaseGrains.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ClaimPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task A_creditor_declares_a_claim_and_sees_it_confirmed_when_the_administrator_confirms_it()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-claim", creditors: 1, withClaims: false);

        var creditor = await chromium.NewPersonAsync(server.Address, phone: true);
        await SignIn.AsAsync(creditor, scenario.Creditors[0]);
        await creditor.ClickAsync("a.case-link");
        await creditor.FillAsync("input[name=principal]", "1234.56");
        await creditor.FillAsync("input[name=interest]", "0.44");
        await creditor.FillAsync("input[name=interestFrom]", "2026-01-01");
        await creditor.ClickAsync("#declare");
        var status = await creditor.WaitForSelectorAsync("td.claim-status[data-status='declared']");
        var row = await status!.EvaluateHandleAsync("cell => cell.parentElement");
        Assert.Contains("¥1,235.00", await creditor.InnerTextAsync("table.claims tbody tr"), StringComparison.Ordinal);

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}");
        await administrator.ClickAsync("table.claims button.confirm");
        await administrator.WaitForSelectorAsync("td.claim-status[data-status='confirmed']");

        await creditor.WaitForSelectorAsync("td.claim-status[data-status='confirmed']");
        Assert.Contains("¥1,235.00", await creditor.InnerTextAsync("table.claims tbody tr td:nth-child(6)"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(creditor, "claim-confirmed-creditor");
        await Chromium.ScreenshotAsync(administrator, "claim-confirmed-administrator");
        _ = row;
    }

    [Fact]
    public async Task The_language_switch_changes_the_texts_and_money_stays_yuan_with_two_decimals()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-lang", creditors: 1, withClaims: true);
        var page = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(page, scenario.Creditors[0]);
        Assert.Equal("My cases", await page.InnerTextAsync("main h2"));

        await page.SelectOptionAsync("#language", "zh-CN");

        await page.WaitForSelectorAsync("main h2:text('我的案件')");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("退出", await page.InnerTextAsync("#signout"));
        await page.ClickAsync("a.case-link");
        await page.WaitForSelectorAsync("td.claim-status[data-status='confirmed']");
        Assert.Equal("已确认", await page.InnerTextAsync("td.claim-status"));
        Assert.Contains("¥10,000.00", await page.InnerTextAsync("table.claims tbody tr"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(page, "language-zh-CN");
    }
}
