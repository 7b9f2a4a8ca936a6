using System.ComponentModel.DataAnnotations;
using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>Sign-in for people: a cookie for the web pages, a bearer token for API clients; creditors join by invitation.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/signin", SignInWithCookie).AllowAnonymous().WithName("SignIn").WithSummary("Signs in for the web pages (cookie).");
        auth.MapPost("/token", SignInWithToken).AllowAnonymous().WithName("SignInForToken").WithSummary("Signs in for API use (bearer token).");
        auth.MapPost("/signout", SignOut).Allow(Policies.SignedIn).WithName("SignOut");
        auth.MapGet("/me", Me).Allow(Policies.SignedIn).WithName("Me");
        auth.MapGet("/antiforgery", Antiforgery).AllowAnonymous().WithName("AntiforgeryToken");
        auth.MapPost("/register", Register).AllowAnonymous().WithName("RegisterWithInvitation")
            .WithSummary("A creditor redeems an invitation code and chooses a user name and password.");
        auth.MapPost("/invitations", RedeemInvitation).Allow(Policies.AnyCreditor).WithName("RedeemInvitation")
            .WithSummary("A signed-in creditor redeems an invitation into a further case; the answer is that case.");
        return routes;
    }

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> SignInWithCookie(
        SignInRequest body, SignInService signIn, HttpContext http)
    {
        var (outcome, session) = await signIn.SignInAsync(body.Username, body.Password, body.Code, From(http));
        if (outcome.Result != SignInResult.Succeeded) return Refused(outcome);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            CaseGrainsClaims.Principal(outcome.Account!, session, CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.Ok(outcome.Account!);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> SignInWithToken(SignInRequest body, SignInService signIn, HttpContext http)
    {
        var (outcome, session) = await signIn.SignInAsync(body.Username, body.Password, body.Code, From(http));
        if (outcome.Result != SignInResult.Succeeded) return Refused(outcome);
        return TypedResults.SignIn(CaseGrainsClaims.Principal(outcome.Account!, session, BearerTokenDefaults.AuthenticationScheme),
            authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<NoContent> SignOut(HttpContext http, IGrainFactory grains)
    {
        if (http.User.Username() is { } user && http.User.SessionId() is { } session)
            await grains.Get<IAccountGrain>(user).EndSession(session);
        if (http.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AccountView>> Me(HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<IAccountGrain>(http.User.Username()!).Get()
            ?? throw RuleViolationException.NotFound("username", "The account is gone."));

    private static Ok<AntiforgeryTokenResponse> Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryTokenResponse(tokens.HeaderName ?? "X-XSRF-TOKEN", tokens.RequestToken ?? ""));
    }

    private static async Task<Created<AccountView>> Register(RegisterRequest body, IGrainFactory grains, Passwords passwords, TimeProvider clock)
    {
        var username = AccountKeys.Normalize(body.Username);
        var hash = passwords.Hash(username, body.Password);
        if (string.IsNullOrWhiteSpace(body.Code)) throw RuleViolationException.Invalid("code", "The invitation code is required.");
        var account = grains.Get<IAccountGrain>(username);
        if (await account.Get() is not null) throw RuleViolationException.Conflict("username", $"The user name {username} is taken.");
        var invitation = await grains.Get<IInvitationGrain>(Invitations.KeyOf(body.Code)).Redeem(username, clock.GetUtcNow());
        var view = await account.Create(new NewAccount(AccountRole.Creditor, body.DisplayName ?? username, hash, null, null, invitation.CreditorId));
        await account.JoinCase(invitation.CaseId);
        await grains.Get<ICaseGrain>(invitation.CaseId).AddParticipant(invitation.CreditorId, invitation.InvitedBy);
        return TypedResults.Created("/api/auth/me", view);
    }

    /// <summary>The same checks and the same joining as <see cref="Register"/>, for an account that exists already.</summary>
    private static async Task<Ok<CaseView>> RedeemInvitation(RedeemInvitationRequest body, HttpContext http, IGrainFactory grains, TimeProvider clock)
    {
        if (http.User.Role() != AccountRole.Creditor || http.User.CreditorId() is not { } creditorId)
            throw RuleViolationException.NotAllowed("code", "Invitations are for creditors; judges and administrators are appointed to cases.");
        if (string.IsNullOrWhiteSpace(body.Code)) throw RuleViolationException.Invalid("code", "The invitation code is required.");
        var username = http.User.Username()!;
        var invitation = await grains.Get<IInvitationGrain>(Invitations.KeyOf(body.Code)).RedeemFor(username, creditorId, clock.GetUtcNow());
        await grains.Get<IAccountGrain>(username).JoinCase(invitation.CaseId);
        var joined = grains.Get<ICaseGrain>(invitation.CaseId);
        await joined.AddParticipant(invitation.CreditorId, invitation.InvitedBy);
        return TypedResults.Ok(await joined.Get());
    }

    private static ProblemHttpResult Refused(SignInOutcome outcome) => TypedResults.Problem(
        statusCode: outcome.Result == SignInResult.LockedOut ? StatusCodes.Status423Locked : StatusCodes.Status401Unauthorized,
        title: outcome.Result switch
        {
            SignInResult.LockedOut => "The account is locked after repeated failures; try again later.",
            SignInResult.Disabled => "The account is disabled.",
            SignInResult.CodeReused => "That code was used already; wait for the next one.",
            _ => "The user name, password or code is wrong.",
        });

    internal static string From(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "";
}

public sealed record SignInRequest([property: MaxLength(64)] string Username, [property: MaxLength(256)] string Password, string? Code = null);

public sealed record RegisterRequest(string Code, string Username, string Password, string? DisplayName = null);

public sealed record RedeemInvitationRequest(string Code);

public sealed record AntiforgeryTokenResponse(string HeaderName, string Token);
