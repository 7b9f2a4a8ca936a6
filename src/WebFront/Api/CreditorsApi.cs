using CaseGrains.Creditors;
using CaseGrains.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

public static class CreditorsApi
{
    public static IEndpointRouteBuilder MapCreditorsApi(this IEndpointRouteBuilder routes)
    {
        var creditors = routes.MapGroup("/creditors").WithTags("Creditors");
        creditors.MapPut("/{creditorId}", Register).WithName("RegisterCreditor");
        creditors.MapGet("/{creditorId}", Get).WithName("GetCreditor");
        return routes;
    }

    private static async Task<Ok<CreditorView>> Register(string creditorId, CreditorProfile body, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICreditorGrain>(Ids.Check(creditorId, "creditorId")).Register(body));

    private static async Task<Ok<CreditorView>> Get(string creditorId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICreditorGrain>(Ids.Check(creditorId, "creditorId")).Get()
            ?? throw RuleViolationException.NotFound("creditorId", $"There is no creditor {creditorId}."));
}
