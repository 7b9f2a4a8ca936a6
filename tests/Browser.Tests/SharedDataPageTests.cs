using CaseGrains.Departments;
using CaseGrains.Testing;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SharedDataPageTests(PostgresServer postgres, Chromium chromium)
{
    private static Dictionary<string, object?> Estate(string certificate, string location, bool? sealedByCourt = null) =>
        new() { ["certificateNumber"] = certificate, ["location"] = location, ["sealed"] = sealedByCourt };

    [Fact]
    public async Task A_departments_new_batch_appears_on_the_administrators_open_page_with_its_differences_and_rejected_records()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-shared", creditors: 0, withClaims: false);
        var housing = await SourceDepartment.RegisterAsync(server, "housing-sz", new DepartmentRegistration("深圳市不动产登记中心", "housing"));
        await housing.ShareAsync(scenario.CaseId, "real-estate", "第一批", Estate("A-1", "南山区科技园1栋"), Estate("A-2", "福田区1号"));

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}");
        await administrator.ClickAsync("a.shared-data-link");
        await administrator.WaitForSelectorAsync("article.snapshot[data-resource='real-estate']");
        Assert.Equal("Real estate", await administrator.InnerTextAsync("article.snapshot h4"));
        Assert.Equal(2, await administrator.Locator("tr.shared-record").CountAsync());
        Assert.Equal(1, await administrator.Locator("article.batch").CountAsync());
        var navigations = 0;
        administrator.FrameNavigated += (_, frame) => { if (frame == administrator.MainFrame) navigations++; };

        // The second batch seals A-1, drops A-2, adds A-3 and carries one record the quality check refuses.
        await housing.ShareAsync(scenario.CaseId, "real-estate", "第二批", Estate("A-1", "南山区科技园1栋", sealedByCourt: true), Estate("A-3", "宝安区3号"),
            new Dictionary<string, object?> { ["certificateNumber"] = "A-4", ["location"] = "" });

        var batch = administrator.Locator("article.batch[data-received='3'][data-accepted='2']");
        await batch.WaitForAsync();
        Assert.Equal("A-3", await batch.Locator("li.diff-added").GetAttributeAsync("data-key"));
        Assert.Equal("A-2", await batch.Locator("li.diff-removed").GetAttributeAsync("data-key"));
        Assert.Equal("A-1: Sealed — → yes", await batch.Locator("li.diff-changed").InnerTextAsync());
        var rejected = await batch.Locator("tr.rejected-record").InnerTextAsync();
        Assert.Contains("A-4", rejected, StringComparison.Ordinal);
        Assert.Contains("Location", rejected, StringComparison.Ordinal);
        Assert.Equal("Received 3, accepted 2, rejected 1", await batch.Locator("p.quality").InnerTextAsync());
        await Assertions.Expect(administrator.Locator("tr.shared-record")).ToHaveCountAsync(2);
        Assert.Contains("宝安区3号", await administrator.InnerTextAsync("table.shared-records"), StringComparison.Ordinal);
        Assert.Equal(2, await administrator.Locator("article.batch").CountAsync());
        Assert.Equal(0, navigations);
        await Chromium.ScreenshotAsync(administrator, "shared-data-administrator");
    }
}
