using CaseGrains.Security.Totp;
using CaseGrains.Testing;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

/// <summary>Signs a person in through the sign-in page, as they would type it.</summary>
public static class SignIn
{
    /// <param name="clock">The server's clock, where a test moves it: the one-time code is that clock's.</param>
    public static async Task AsAsync(IPage page, Person person, TimeProvider? clock = null)
    {
        await page.GotoAsync("/#/signin");
        await page.FillAsync("input[name=username]", person.Username);
        await page.FillAsync("input[name=password]", person.Password ?? People.Password);
        if (person.TotpSecret is not null)
        {
            // The API sign-in of the same person used this step's code; the next step's code is accepted once too.
            await page.FillAsync("input[name=code]", TotpGenerator.Code(Base32.Decode(person.TotpSecret), (clock ?? TimeProvider.System).GetUtcNow().AddSeconds(30)));
        }
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForSelectorAsync("main[data-view='home']");
    }
}
