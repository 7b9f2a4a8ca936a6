using CaseGrains.Testing;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

/// <summary>The case page's progress forms: a step or a due date the server refuses is explained under that field.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProgressFormTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task A_step_out_of_order_and_a_due_date_before_the_acceptance_are_explained_under_their_fields()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-progress-fields", creditors: 0, withClaims: false);

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}");
        await administrator.WaitForSelectorAsync("#complete-form");
        await administrator.SelectOptionAsync("#complete-step", "claimReview");
        await administrator.FillAsync("#complete-note", "债权审查完毕");
        await administrator.ClickAsync("#complete-form button[type=submit]");

        var step = administrator.Locator("#complete-step");
        await Assertions.Expect(administrator.Locator("#complete-step ~ p.field-error")).ToContainTextAsync("which is not complete yet");
        await Assertions.Expect(step).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(step).ToBeFocusedAsync();
        Assert.Equal("", await administrator.InnerTextAsync("#complete-error"));
        Assert.Null(await administrator.GetAttributeAsync("#complete-note", "aria-invalid"));
        Assert.Equal("false", await administrator.GetAttributeAsync("table.progress tr[data-node='claimReview']", "data-completed"));

        // The step in order goes through and the refusal is gone.
        await administrator.SelectOptionAsync("#complete-step", "announcement");
        await administrator.ClickAsync("#complete-form button[type=submit]");
        await administrator.WaitForSelectorAsync("table.progress tr[data-node='announcement'][data-completed='true']");
        Assert.Null(await step.GetAttributeAsync("aria-invalid"));
        Assert.Equal("", await administrator.InnerTextAsync("#complete-step ~ p.field-error"));

        var judge = await chromium.NewPersonAsync(server.Address, language: "zh-CN");
        await SignIn.AsAsync(judge, scenario.Judge);
        await judge.GotoAsync($"/#/cases/{scenario.CaseId}");
        await judge.WaitForSelectorAsync("#due-form");
        await judge.SelectOptionAsync("#due-step", "propertyInvestigation");
        await judge.FillAsync("#due-on", "2026-01-15");
        await judge.ClickAsync("#due-form button[type=submit]");

        var dueOn = judge.Locator("#due-on");
        await Assertions.Expect(judge.Locator("#due-on ~ p.field-error")).ToContainTextAsync("on or after the acceptance, 2026-03-01");
        await Assertions.Expect(dueOn).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(dueOn).ToBeFocusedAsync();
        Assert.Equal("", await judge.InnerTextAsync("#due-error"));
        Assert.Null(await judge.GetAttributeAsync("#due-step", "aria-invalid"));
        await Chromium.ScreenshotAsync(judge, "progress-due-date-field-error");

        await judge.FillAsync("#due-on", "2026-12-31");
        await judge.ClickAsync("#due-form button[type=submit]");
        await judge.WaitForSelectorAsync("table.progress tr[data-node='propertyInvestigation'] td.due:has-text('法院指定')");
        Assert.Null(await dueOn.GetAttributeAsync("aria-invalid"));
    }
}
