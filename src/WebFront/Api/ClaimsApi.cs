using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

public static class ClaimsApi
{
    public static IEndpointRouteBuilder MapClaimsApi(this IEndpointRouteBuilder routes)
    {
        var claims = routes.MapGroup("/cases/{caseId}/claims").WithTags("Claims");
        claims.MapPost("/", Declare).Allow(Policies.CaseCreditorOrAdministrator).WithName("DeclareClaim")
            .WithSummary("A creditor declares a claim (EBL 49); the administrator may enter one for a creditor.");
        claims.MapGet("/", List).Allow(Policies.CaseParticipant).WithName("ListClaims").WithSummary("Staff see every claim; a creditor sees their own.");
        claims.MapPost("/{claimId}/review", Review).Allow(Policies.CaseAdministrator).WithName("ReviewClaim")
            .WithSummary("The administrator confirms, partially confirms or rejects a claim (EBL 57).");
        return routes;
    }

    private static async Task<Created<ClaimView>> Declare(string caseId, DeclareClaimRequest body, HttpContext http, IGrainFactory grains)
    {
        if (http.User.Role() == AccountRole.Creditor && body.CreditorId != http.User.CreditorId())
            throw RuleViolationException.NotAllowed("creditorId", "A creditor declares their own claims.");
        var claim = await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).DeclareClaim(new DeclareClaim(
            body.CreditorId, body.Class, body.PrincipalFen, body.InterestFen, body.OtherFen, body.SecuredFen, body.Collateral,
            http.User.Role() == AccountRole.Creditor ? http.User.CreditorId()! : http.User.Actor(), body.InterestLines));
        return TypedResults.Created($"/api/cases/{caseId}/claims/{claim.ClaimId}", claim);
    }

    private static async Task<Ok<IReadOnlyList<ClaimView>>> List(string caseId, HttpContext http, IGrainFactory grains)
    {
        var grain = grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId"));
        await grain.Get();
        var all = await grain.GetClaims();
        return TypedResults.Ok(http.User.Role() == AccountRole.Creditor
            ? [.. all.Where(c => c.CreditorId == http.User.CreditorId())]
            : all);
    }

    private static async Task<Ok<ClaimView>> Review(string caseId, string claimId, ReviewClaimRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).ReviewClaim(
            new ReviewClaim(Ids.Check(claimId, "claimId"), body.Decision, body.ConfirmedFen, body.Reason ?? "", http.User.Actor())));
}

/// <param name="InterestLines">Interest, each line up to the acceptance date at the latest (EBL 46); <paramref name="InterestFen"/> is their sum.</param>
/// <remarks>Who declares is never part of the request: it is the signed-in creditor, or the administrator entering it for the creditor.</remarks>
public sealed record DeclareClaimRequest(
    string CreditorId, ClaimClass Class, long PrincipalFen, long InterestFen = 0, long OtherFen = 0, long SecuredFen = 0, string? Collateral = null,
    IReadOnlyList<InterestLine>? InterestLines = null);

public sealed record ReviewClaimRequest(ClaimDecision Decision, long ConfirmedFen = 0, string? Reason = null);
