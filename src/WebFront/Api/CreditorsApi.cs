using CaseGrains.Accounts;
using CaseGrains.Creditors;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// Creditor profiles. The holder keeps their own profile; the judges and administrators of the creditor's cases read
/// it; nobody else reads it at all.
/// </summary>
public static class CreditorsApi
{
    public static IEndpointRouteBuilder MapCreditorsApi(this IEndpointRouteBuilder routes)
    {
        var creditors = routes.MapGroup("/creditors").WithTags("Creditors");
        creditors.MapPut("/{creditorId}", Register).Allow(Policies.AnyCreditor).WithName("RegisterCreditor").WithSummary("The creditor keeps their own profile.");
        creditors.MapGet("/{creditorId}", Get).Allow(Policies.SignedIn).WithName("GetCreditor");
        return routes;
    }

    private static async Task<Ok<CreditorView>> Register(string creditorId, CreditorProfile body, HttpContext http, IGrainFactory grains)
    {
        Ids.Check(creditorId, "creditorId");
        if (http.User.CreditorId() != creditorId) throw RuleViolationException.NotAllowed("creditorId", "Only the creditor keeps their profile.");
        return TypedResults.Ok(await grains.Get<ICreditorGrain>(creditorId).Register(body));
    }

    private static async Task<Ok<CreditorView>> Get(string creditorId, HttpContext http, IGrainFactory grains, CaseAccessService access)
    {
        await access.RequireCreditorProfileAccessAsync(http.User, Ids.Check(creditorId, "creditorId"));
        return TypedResults.Ok(await grains.Get<ICreditorGrain>(creditorId).Get()
            ?? throw RuleViolationException.NotFound("creditorId", $"There is no creditor {creditorId}."));
    }

}
