using CaseGrains.Cases;
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
        cases.MapPut("/{caseId}", OpenCase).WithName("OpenCase").WithSummary("The court accepts a case.");
        cases.MapGet("/{caseId}", GetCase).WithName("GetCase");
        return routes;
    }

    private static async Task<Created<CaseView>> OpenCase(string caseId, OpenCase body, IGrainFactory grains)
    {
        var view = await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).Open(body);
        return TypedResults.Created($"/api/cases/{caseId}", view);
    }

    private static async Task<Ok<CaseView>> GetCase(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).Get());
}
