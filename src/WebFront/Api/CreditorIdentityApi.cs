using CaseGrains.Creditors;
using CaseGrains.WebFront.Security;
using CaseGrains.Accounts;
using CaseGrains.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>A creditor's unmasked identity number and phone: for the holder and the judge and administrator of the creditor's cases.</summary>
public static class CreditorIdentityApi
{
    public static IEndpointRouteBuilder MapCreditorIdentityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/creditors/{creditorId}/unmasked", Get).Allow(Policies.SignedIn).WithTags("Creditors").WithName("GetCreditorUnmasked")
            .WithSummary("The full profile with the identity number unmasked (holder, administrator and judge only).");
        return routes;
    }

    private static async Task<Ok<CreditorProfile>> Get(string creditorId, HttpContext http, IGrainFactory grains, CaseAccessService access)
    {
        await access.RequireCreditorProfileAccessAsync(http.User, Ids.Check(creditorId, "creditorId"));
        return TypedResults.Ok(await grains.Get<ICreditorGrain>(creditorId).GetUnmasked()
            ?? throw RuleViolationException.NotFound("creditorId", $"There is no creditor {creditorId}."));
    }
}
