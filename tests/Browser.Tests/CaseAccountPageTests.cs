using System.Net.Http.Json;
using CaseGrains.CaseAccounts;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CaseAccountPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task A_transfer_over_the_limit_waits_on_the_judges_open_page_and_once_approved_the_administrator_sees_it_executed()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-account", creditors: 0, withClaims: false);

        // The judge opens the account from the case page, with limits typed in yuan.
        var judge = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(judge, scenario.Judge);
        await judge.GotoAsync($"/#/cases/{scenario.CaseId}");
        await judge.ClickAsync("a.account-link");
        await judge.WaitForSelectorAsync("main[data-view='account'] #account-not-open");
        await judge.FillAsync("#open-account-form input[name=accountNumber]", "7559 1234 5610 888");
        await judge.FillAsync("#open-account-form input[name=bankName]", "招商银行深圳分行");
        await judge.FillAsync("#open-account-form input[name=perTransfer]", "1000");
        await judge.FillAsync("#open-account-form input[name=perDay]", "5000");
        await judge.FillAsync("#open-account-form input[name=cumulative]", "100000.00");
        await judge.ClickAsync("#open-account-form button[type=submit]");
        await judge.WaitForSelectorAsync("dd.limit-per-transfer:text('¥1,000.00')");
        await judge.WaitForSelectorAsync("#pending-approvals[data-count='0']");
        var judgeNavigations = 0;
        judge.FrameNavigated += (_, frame) => { if (frame == judge.MainFrame) judgeNavigations++; };

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}/account");
        await administrator.FillAsync("#deposit-form input[name=depositAmount]", "10000");
        await administrator.FillAsync("#deposit-form input[name=source]", "拍卖：南山区厂房一处");
        await administrator.FillAsync("#deposit-form input[name=reference]", "CMB-20260301-1");
        await administrator.ClickAsync("#deposit-form button[type=submit]");
        await administrator.WaitForSelectorAsync("dd.balance[data-fen='1000000']");
        await judge.WaitForSelectorAsync("dd.balance[data-fen='1000000']");

        // Refusals land next to the field they name: an amount that is not yuan (refused here) and an account number the server refuses.
        await administrator.FillAsync("#transfer-form input[name=payeeName]", "深圳资产评估有限公司");
        await administrator.FillAsync("#transfer-form input[name=payeeAccount]", "12-34");
        await administrator.FillAsync("#transfer-form input[name=transferAmount]", "2000.505");
        await administrator.FillAsync("#transfer-form input[name=purpose]", "支付资产评估费");
        await administrator.ClickAsync("#transfer-form button[type=submit]");
        Assert.Equal("Enter an amount in yuan, e.g. 1234.56", await administrator.InnerTextAsync("#transfer-form input[name=transferAmount] ~ p.field-error"));
        Assert.Equal("true", await administrator.GetAttributeAsync("#transfer-form input[name=transferAmount]", "aria-invalid"));
        await administrator.FillAsync("#transfer-form input[name=transferAmount]", "2000.50");
        await administrator.ClickAsync("#transfer-form button[type=submit]");
        var accountError = administrator.Locator("#transfer-form input[name=payeeAccount] ~ p.field-error");
        await Assertions.Expect(accountError).ToContainTextAsync("6 to 34 letters and digits");
        Assert.Equal("", await administrator.InnerTextAsync("#transfer-form input[name=transferAmount] ~ p.field-error"));
        await Chromium.ScreenshotAsync(administrator, "account-field-error");

        // Over the per-transfer limit: the transfer is held and waits for the judge.
        await administrator.FillAsync("#transfer-form input[name=payeeAccount]", "4000 0233 0910 0123 456");
        await administrator.ClickAsync("#transfer-form button[type=submit]");
        await administrator.WaitForSelectorAsync("tr.transfer[data-transfer-id='T00001'][data-status='awaitingApproval']");
        Assert.Contains("waits for the judge", await administrator.InnerTextAsync("#account-status"), StringComparison.Ordinal);
        await administrator.WaitForSelectorAsync("dd.reserved[data-fen='200050']");

        // The payee's name comes with the transfer list, which may reach the page just after the pending item: until
        // then the item counts the payees. So the item is checked as it settles, not as first drawn.
        var waiting = judge.Locator("li.pending[data-transfer-id='T00001']");
        await Assertions.Expect(waiting).ToContainTextAsync("¥2,000.50");
        await Assertions.Expect(waiting).ToContainTextAsync("per-transfer limit");
        await Assertions.Expect(waiting).ToContainTextAsync("深圳资产评估有限公司");
        await Chromium.ScreenshotAsync(judge, "account-judge-waiting");

        await waiting.Locator("input.reason").FillAsync("评估费经合议庭审查");
        await waiting.Locator("button.approve").ClickAsync();
        await judge.WaitForSelectorAsync("#pending-approvals[data-count='0']");

        await administrator.WaitForSelectorAsync("tr.transfer[data-transfer-id='T00001'][data-status='executed']");
        await administrator.WaitForSelectorAsync("dd.balance[data-fen='799950']");
        Assert.Equal("¥7,999.50", await administrator.InnerTextAsync("dd.balance"));
        Assert.Equal("¥0.00", await administrator.InnerTextAsync("dd.reserved"));
        Assert.Contains("评估费经合议庭审查", await administrator.InnerTextAsync("tr.transfer[data-transfer-id='T00001']"), StringComparison.Ordinal);
        Assert.Equal(0, judgeNavigations);
        await Chromium.ScreenshotAsync(administrator, "account-administrator-executed");
    }
    [Fact]
    public async Task The_judge_raises_the_per_transfer_limit_in_yuan_and_the_administrator_withdraws_a_waiting_transfer()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-limits", creditors: 0, withClaims: false);
        var url = $"/api/cases/{scenario.CaseId}/account";
        await scenario.Judge.Http.PutOk<CaseAccountView>(url, new OpenCaseAccountRequest("深圳示例科技有限公司管理人", "7559 1234 5610 888", "招商银行深圳分行",
            new AccountLimits(1_000_00, 5_000_00, 100_000_00)));
        await scenario.Administrator.Http.PostOk<DepositView>($"{url}/deposits", new DepositRequest(10_000_00, "拍卖：车辆一辆", "CMB-1"));
        using (var held = await scenario.Administrator.Http.PostAsJsonAsync($"{url}/transfers", new TransferRequest(new Payee("评估公司", "4000023309100123456"), 2_000_00, "评估费"), ApiJson.Options))
            Assert.Equal(System.Net.HttpStatusCode.Accepted, held.StatusCode);

        var judge = await chromium.NewPersonAsync(server.Address, language: "zh-CN");
        await SignIn.AsAsync(judge, scenario.Judge);
        await judge.GotoAsync($"/#/cases/{scenario.CaseId}/account");
        Assert.Equal("1000.00", await judge.InputValueAsync("#limits-form input[name=perTransfer]"));
        await judge.FillAsync("#limits-form input[name=perTransfer]", "-1");
        await judge.ClickAsync("#limits-form button[type=submit]");
        await Assertions.Expect(judge.Locator("#limits-form input[name=perTransfer] ~ p.field-error")).Not.ToBeEmptyAsync();
        await judge.FillAsync("#limits-form input[name=perTransfer]", "3000.50");
        await judge.ClickAsync("#limits-form button[type=submit]");
        await judge.WaitForSelectorAsync("dd.limit-per-transfer:text('¥3,000.50')");
        Assert.Equal("限额已调整，此后的支付按新限额审核。", await judge.InnerTextAsync("#account-status"));

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}/account");
        await administrator.WaitForSelectorAsync("dd.limit-per-transfer:text('¥3,000.50')");
        Assert.Equal(0, await administrator.Locator("#limits-form").CountAsync());
        var waiting = administrator.Locator("li.pending[data-transfer-id='T00001']");
        await waiting.Locator("input.reason").FillAsync("收款账号有误");
        await waiting.Locator("button.cancel-transfer").ClickAsync();
        await administrator.WaitForSelectorAsync("tr.transfer[data-transfer-id='T00001'][data-status='cancelled']");
        Assert.Contains("withdrawn", await administrator.InnerTextAsync("tr.transfer[data-transfer-id='T00001']"), StringComparison.Ordinal);
        await administrator.WaitForSelectorAsync("dd.available[data-fen='1000000']");
        await judge.WaitForSelectorAsync("#pending-approvals[data-count='0']");
        await Chromium.ScreenshotAsync(administrator, "account-transfer-withdrawn");
    }

    [Fact]
    public async Task The_administrator_previews_a_distribution_to_the_ordinary_class_to_the_fen_and_pays_it_within_the_limits()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        // Two confirmed ordinary claims of 10,000 and 20,000 yuan.
        var scenario = await BrowserScenario.CreateAsync(server, "browser-distribution", creditors: 2, withClaims: true);
        var url = $"/api/cases/{scenario.CaseId}/account";
        await scenario.Judge.Http.PutOk<CaseAccountView>(url, new OpenCaseAccountRequest("深圳示例科技有限公司管理人", "7559 1234 5610 888", "招商银行深圳分行",
            new AccountLimits(1_000_00, 5_000_00, 100_000_00)));
        await scenario.Administrator.Http.PostOk<DepositView>($"{url}/deposits", new DepositRequest(1_000_00, "拍卖：车辆一辆", "CMB-1"));

        var administrator = await chromium.NewPersonAsync(server.Address, language: "zh-CN");
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}/account");
        await administrator.FillAsync("#distribution-form input[name=distributionTotal]", "300.01");
        await administrator.ClickAsync("#distribution-form button.preview");
        var lines = administrator.Locator("table.preview-lines tr.line");
        await Assertions.Expect(lines).ToHaveCountAsync(2);
        // 30,001 fen in the proportion 1:2: the remainder fen goes to the larger remainder.
        Assert.Equal(["¥100.00", "¥200.01"], [await lines.Nth(0).Locator("td").Nth(3).InnerTextAsync(), await lines.Nth(1).Locator("td").Nth(3).InnerTextAsync()]);
        Assert.Equal("未超过任何限额，将立即执行。", await administrator.InnerTextAsync(".distribution-preview p.muted >> nth=0"));
        await Chromium.ScreenshotAsync(administrator, "account-distribution-preview");

        await administrator.ClickAsync("#distribution-form button[type=submit]");
        var paid = administrator.Locator("tr.transfer[data-transfer-id='T00001'][data-status='executed']");
        await paid.WaitForAsync();
        Assert.Contains("第 1 次分配", await paid.InnerTextAsync(), StringComparison.Ordinal);
        await administrator.WaitForSelectorAsync("dd.balance[data-fen='69999']");
        Assert.Equal("¥699.99", await administrator.InnerTextAsync("dd.balance"));
        await Chromium.ScreenshotAsync(administrator, "account-distribution-paid");
    }
}
