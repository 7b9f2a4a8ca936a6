using CaseGrains.Testing;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

/// <summary>
/// The sign-in form is built with the same field helper as the other forms: every input is found by its label, in
/// both languages, and a refusal is read out in the form's alert while the person stays on the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInPageTests(PostgresServer postgres, Chromium chromium)
{
    [Theory]
    [InlineData("en", "User name", "Password", "Sign in")]
    [InlineData("zh-CN", "用户名", "密码", "登录")]
    public async Task A_wrong_password_is_refused_in_the_alert_and_the_fields_are_found_by_their_labels(
        string language, string usernameLabel, string passwordLabel, string signInText)
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var person = await server.People.AdministratorAsync($"admin-signin-{language}");
        var page = await chromium.NewPersonAsync(server.Address, language);

        await page.GotoAsync("/#/signin");
        var username = page.GetByLabel(usernameLabel, new() { Exact = true });
        var password = page.GetByLabel(passwordLabel, new() { Exact = true });
        await username.FillAsync(person.Username);
        await password.FillAsync("not the password");
        // Each field names the place its own refusal would be read from.
        var describedBy = await username.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy));
        Assert.Equal(1, await page.Locator($"[id='{describedBy}']").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = signInText, Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("form p[role=alert]")).Not.ToBeEmptyAsync();
        Assert.Null(await page.QuerySelectorAsync("main[data-view='home']"));
        Assert.Equal(person.Username, await username.InputValueAsync());
        // A refusal that names no field marks none.
        Assert.Equal(0, await page.Locator("form [aria-invalid='true']").CountAsync());
    }

    [Theory]
    [InlineData("en", "User name", "Sign in")]
    [InlineData("zh-CN", "用户名", "登录")]
    public async Task A_user_name_the_server_refuses_is_explained_under_that_field_which_gets_the_focus(string language, string usernameLabel, string signInText)
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var page = await chromium.NewPersonAsync(server.Address, language);

        await page.GotoAsync("/#/signin");
        var username = page.GetByLabel(usernameLabel, new() { Exact = true });
        await username.FillAsync("no spaces allowed");
        await page.FillAsync("input[name=password]", "whatever it is");
        await page.GetByRole(AriaRole.Button, new() { Name = signInText, Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("input[name=username] ~ p.field-error")).ToContainTextAsync("A user name is 3 to 64 letters");
        await Assertions.Expect(username).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(username).ToBeFocusedAsync();
        Assert.Equal("", await page.InnerTextAsync("form p[role=alert]"));
        Assert.Null(await page.GetAttributeAsync("input[name=password]", "aria-invalid"));
        Assert.Null(await page.QuerySelectorAsync("main[data-view='home']"));
    }
}
