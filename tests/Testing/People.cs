using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseGrains.Accounts;
using CaseGrains.Security.Totp;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Testing;

/// <summary>
/// Brings people into a test server the way the product does: the platform administrator creates staff accounts (with
/// a TOTP secret), staff sign in with password and code, creditors redeem an administrator's invitation.
/// </summary>
public sealed class People(ServerHost server)
{
    public const string AdminPassword = "bootstrap-admin-password";
    public const string Password = "correct horse battery";
    private Person? platformAdmin;

    public HttpClient Anonymous { get; } = new() { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<Person> PlatformAdminAsync() => platformAdmin ??= await SignInAsync("admin", AdminPassword, null);

    /// <summary>Creates a judge of <paramref name="court"/> and signs them in.</summary>
    public Task<Person> JudgeAsync(string username, string court) => StaffAsync(username, AccountRole.Judge, court);

    public Task<Person> AdministratorAsync(string username) => StaffAsync(username, AccountRole.Administrator, null);

    public async Task<Person> StaffAsync(string username, AccountRole role, string? court)
    {
        var admin = await PlatformAdminAsync();
        var created = await admin.Http.PostOk<StaffAccountCreated>("/api/accounts", new CreateStaffRequest(username, role, $"{role} {username}", Password, court));
        return await SignInAsync(username, Password, created.TotpSecret);
    }

    /// <summary>The administrator invites creditor <paramref name="creditorId"/> into the case; the creditor registers and signs in.</summary>
    public async Task<Person> CreditorAsync(Person administrator, string caseId, string creditorId, string? username = null)
    {
        var invitation = await administrator.Http.PostOk<InvitationCreated>($"/api/cases/{caseId}/invitations", new InviteRequest(creditorId));
        var name = username ?? creditorId.ToLowerInvariant();
        await Anonymous.PostOk<AccountView>("/api/auth/register", new RegisterRequest(invitation.Code, name, Password));
        var person = await SignInAsync(name, Password, null);
        return person with { CreditorId = creditorId };
    }

    /// <summary>Signs in for a bearer token; with a TOTP secret, the code of the server's current time goes along.</summary>
    public async Task<Person> SignInAsync(string username, string password, string? totpSecret)
    {
        // The code of the server's time: a test that moves the server's clock signs people in at that time.
        var code = totpSecret is null ? null : TotpGenerator.Code(Base32.Decode(totpSecret), server.Clock.GetUtcNow());
        using var response = await Anonymous.PostAsJsonAsync("/api/auth/token", new SignInRequest(username, password, code), ApiJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"sign-in of {username} failed: {(int)response.StatusCode} {text}");
        var token = (string)JsonNode.Parse(text)!["accessToken"]!;
        return Person.Create(server.Address, username, token, totpSecret: totpSecret, password: password);
    }
}
