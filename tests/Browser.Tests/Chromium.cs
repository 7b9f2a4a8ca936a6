using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium, installed by the README's commands) driven by Playwright; Playwright cannot
/// download a browser of its own here. One browser for the run, a fresh context (its own cookies) per person.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A new browser context: a person on their own device, in the given language.</summary>
    public async Task<IPage> NewPersonAsync(Uri server, string language = "en", bool phone = false)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            Locale = language,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1200, Height = 900 },
        });
        await context.AddInitScriptAsync($"localStorage.setItem('lang', '{language}')");
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.DisposeAsync();
        playwright?.Dispose();
    }
}
