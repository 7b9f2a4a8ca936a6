using CaseGrains.Creditors;
using CaseGrains.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>A creditor's unmasked identity number and phone: for the holder, the administrator and the judge only.</summary>
public static class CreditorIdentityApi
{
    public static IEndpointRouteBuilder MapCreditorIdentityApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/creditors/{creditorId}/unmasked", Get).WithTags("Creditors").WithName("GetCreditorUnmasked")
            .WithSummary("The full profile with the identity number unmasked (holder, administrator and judge only).");
        return routes;
    }

    private static async Task<Ok<CreditorProfile>> Get(string creditorId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICreditorGrain>(Ids.Check(creditorId, "creditorId")).GetUnmasked()
            ?? throw RuleViolationException.NotFound("creditorId", $"There is no creditor {creditorId}."));
}
