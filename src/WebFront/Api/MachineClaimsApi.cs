using CaseGrains.Claims;
using CaseGrains.Departments;
using CaseGrains.Runtime;
using CaseGrains.WebFront.MachineApi;
using CaseGrains.WebFront.MachineApi.Feed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// The signed machine API for source departments, under /machine/v1. Every request is signed (RFC 9421
/// hmac-sha256 with the department's key) and every write carries an Idempotency-Key; see <see cref="MachineRequestMiddleware"/>.
/// </summary>
public static class MachineClaimsApi
{
    public const int MaxFeedPage = 500;

    public static IEndpointRouteBuilder MapMachineApiV1(this IEndpointRouteBuilder routes)
    {
        var machine = routes.MapMachineGroup();
        machine.MapPost("/cases/{caseId}/tax-claims", DeclareTaxClaim).WithName("MachineDeclareTaxClaim")
            .WithSummary("The tax bureau declares tax owed; the case splits it into a priority claim and a linked ordinary claim.");
        machine.MapGet("/cases/{caseId}/claims/{claimId}", GetClaim).WithName("MachineGetClaim")
            .WithSummary("A claim the calling department declared, as it stands.");
        machine.MapGet("/feed", Feed).WithName("MachineFeed")
            .WithSummary("The department's notices (review results, objections, rulings, withdrawals) after a position, oldest first.");
        return routes;
    }

    private static async Task<Created<TaxDeclarationView>> DeclareTaxClaim(string caseId, TaxDeclarationRequest body, HttpContext http, IGrainFactory grains)
    {
        var caller = MachineCaller.Of(http);
        var declared = await grains.Get<ISourceDepartmentGrain>(caller.Department).DeclareTaxClaim(Ids.Check(caseId, "caseId"), body.Lines, body.Reference);
        var first = declared.PriorityClaim ?? declared.OrdinaryClaim!;
        return TypedResults.Created($"{MachineApiRegistration.Prefix}/cases/{caseId}/claims/{first.ClaimId}", declared);
    }

    private static async Task<Ok<ClaimView>> GetClaim(string caseId, string claimId, HttpContext http, IGrainFactory grains)
    {
        var caller = MachineCaller.Of(http);
        var claim = await grains.Get<Cases.ICaseGrain>(Ids.Check(caseId, "caseId")).GetClaim(Ids.Check(claimId, "claimId"));
        if (claim.Department != caller.Department)
            throw RuleViolationException.NotFound("claimId", $"Department {caller.Department} declared no claim {claimId} in case {caseId}.");
        return TypedResults.Ok(claim);
    }

    private static async Task<Ok<DepartmentFeedPage>> Feed(HttpContext http, IDepartmentFeed feed, long after = 0, int limit = 100)
    {
        var caller = MachineCaller.Of(http);
        if (after < 0) throw RuleViolationException.Invalid("after", "A position is 0 or more.");
        if (limit is < 1 or > MaxFeedPage) throw RuleViolationException.Invalid("limit", $"A page holds 1 to {MaxFeedPage} notices.");
        var items = await feed.ReadAsync(caller.Department, after, limit, http.RequestAborted);
        return TypedResults.Ok(new DepartmentFeedPage(items, items.Count > 0 ? items[^1].Position : after, items.Count == limit));
    }
}

/// <summary>A tax bureau's declaration: lines per tax type and period, computed up to the acceptance date.</summary>
public sealed record TaxDeclarationRequest(IReadOnlyList<TaxClaimLine> Lines, string? Reference = null);
