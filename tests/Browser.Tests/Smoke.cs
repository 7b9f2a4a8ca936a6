namespace CaseGrains.Browser.Tests;
public class Smoke
{
    [Fact]
    public async Task Launches()
    {
        using var pw = await Microsoft.Playwright.Playwright.CreateAsync();
        await using var browser = await pw.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        await page.SetContentAsync("<p id=x>hello</p>");
        Assert.Equal("hello", await page.InnerTextAsync("#x"));
    }
}
