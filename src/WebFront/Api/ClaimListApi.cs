using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using CaseGrains.Claims;
using CaseGrains.WebFront.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The claim list of a case (债权表): totals by class, confirmed against declared, and a CSV for spreadsheets.</summary>
public static class ClaimListApi
{
    public static IEndpointRouteBuilder MapClaimListApi(this IEndpointRouteBuilder routes)
    {
        var list = routes.MapGroup("/cases/{caseId}").WithTags("Claims").Allow(Policies.CaseStaff);
        list.MapGet("/claim-list", Get).WithName("GetClaimList");
        list.MapGet("/claim-list.csv", Csv).WithName("ExportClaimList")
            .WithSummary("The claim list as CSV (UTF-8 with a byte order mark for Excel; amounts in yuan).");
        return routes;
    }

    private static async Task<Ok<ClaimListView>> Get(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).GetClaimList());

    private static async Task<FileContentHttpResult> Csv(string caseId, IGrainFactory grains)
    {
        var list = await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).GetClaimList();
        return TypedResults.File(ClaimListCsv.Write(list), ClaimListCsv.MediaType, $"claim-list-{caseId}.csv");
    }
}
