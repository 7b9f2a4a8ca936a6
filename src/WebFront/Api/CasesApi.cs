using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var cases = routes.MapGroup("/cases").WithTags("Cases");
        cases.MapPut("/{caseId}", OpenCase).Allow(Policies.AnyJudge).WithName("OpenCase").WithSummary("The court accepts a case (a judge of that court).");
        cases.MapGet("/{caseId}", GetCase).Allow(Policies.CaseParticipant).WithName("GetCase");
        routes.MapGet("/public/cases/{caseId}", GetPublicCase).AllowAnonymous().WithTags("Public").WithName("GetPublicCase")
            .WithSummary("What the public may know of a case: no personal data.");
        return routes;
    }

    private static async Task<Created<CaseView>> OpenCase(string caseId, OpenCase body, HttpContext http, IGrainFactory grains)
    {
        Ids.Check(caseId, "caseId");
        if (body.Court != http.User.CourtOf())
            throw RuleViolationException.NotAllowed("court", "A judge opens cases of their own court only.");
        var view = await grains.Get<ICaseGrain>(caseId).Open(body);
        return TypedResults.Created($"/api/cases/{caseId}", view);
    }

    private static async Task<Ok<CaseView>> GetCase(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).Get());

    private static async Task<Ok<PublicCaseView>> GetPublicCase(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).GetPublic());
}
