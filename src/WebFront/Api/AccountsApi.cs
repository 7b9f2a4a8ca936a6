using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.Security.Totp;
using CaseGrains.WebFront.Live;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Api;

/// <summary>Staff accounts (by the platform administrator) and creditor invitations (by a case's administrator).</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapPost("/", CreateStaff).Allow(Policies.PlatformAdmin).WithName("CreateStaffAccount")
            .WithSummary("Creates a judge's or an administrator's account; the answer carries the TOTP secret once.");
        accounts.MapPost("/{username}/disable", Disable).Allow(Policies.PlatformAdmin).WithName("DisableAccount")
            .WithSummary("Disables an account and ends its sessions and live connections.");
        accounts.MapPost("/{username}/enable", Enable).Allow(Policies.PlatformAdmin).WithName("EnableAccount");
        routes.MapPost("/cases/{caseId}/invitations", Invite).Allow(Policies.CaseAdministrator).WithTags("Accounts").WithName("InviteCreditor")
            .WithSummary("The administrator invites a creditor into the case; the answer carries a one-time code.");
        return routes;
    }

    private static async Task<Created<StaffAccountCreated>> CreateStaff(CreateStaffRequest body, IGrainFactory grains, Passwords passwords, IOptions<SecurityOptions> options)
    {
        var username = AccountKeys.Normalize(body.Username);
        if (body.Role is not (AccountRole.Judge or AccountRole.Administrator or AccountRole.PlatformAdmin))
            throw RuleViolationException.Invalid("role", "Staff accounts are for judges, administrators and platform administrators; creditors join by invitation.");
        var secret = TotpGenerator.NewSecret();
        var encoded = Base32.Encode(secret);
        var view = await grains.Get<IAccountGrain>(username).Create(new NewAccount(body.Role, body.DisplayName, passwords.Hash(username, body.Password),
            body.Role == AccountRole.PlatformAdmin ? null : encoded, body.Court, null));
        return TypedResults.Created($"/api/accounts/{username}", new StaffAccountCreated(view,
            view.SecondFactor ? encoded : null, view.SecondFactor ? OtpAuthUri.Build("CaseGrains", username, secret) : null));
    }

    private static async Task<NoContent> Disable(string username, HttpContext http, IGrainFactory grains, ConnectionRegistry connections)
    {
        var key = AccountKeys.Normalize(username);
        await grains.Get<IAccountGrain>(key).Disable(http.User.Actor());
        connections.AbortAll(key);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Enable(string username, HttpContext http, IGrainFactory grains)
    {
        await grains.Get<IAccountGrain>(AccountKeys.Normalize(username)).Enable(http.User.Actor());
        return TypedResults.NoContent();
    }

    private static async Task<Created<InvitationCreated>> Invite(string caseId, InviteRequest body, HttpContext http, IGrainFactory grains,
        TimeProvider clock, IOptions<SecurityOptions> options)
    {
        Ids.Check(caseId, "caseId");
        var creditorId = Ids.Check(body.CreditorId, "creditorId");
        await grains.Get<ICaseGrain>(caseId).Get();
        var code = Invitations.NewCode();
        var expires = clock.GetUtcNow() + options.Value.InvitationLifetime;
        await grains.Get<IInvitationGrain>(Invitations.KeyOf(code)).Create(new Invitation(caseId, creditorId, expires, http.User.Actor()));
        return TypedResults.Created($"/api/cases/{caseId}/invitations", new InvitationCreated(caseId, creditorId, code, expires));
    }
}

public sealed record CreateStaffRequest(string Username, AccountRole Role, string DisplayName, string Password, string? Court = null);

public sealed record StaffAccountCreated(AccountView Account, string? TotpSecret, string? TotpUri);

public sealed record InviteRequest(string CreditorId);

public sealed record InvitationCreated(string CaseId, string CreditorId, string Code, DateTimeOffset ExpiresAt);
