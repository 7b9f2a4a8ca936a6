using CaseGrains.Sharing;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The sharing catalogue, and what departments shared into a case, for the people of the case.</summary>
public static class SharedDataApi
{
    public static IEndpointRouteBuilder MapSharedDataApi(this IEndpointRouteBuilder routes)
    {
        // The catalogue says what may be shared and by whom; it holds no case data.
        routes.MapGet("/sharing/catalogue", () => TypedResults.Ok(SharingCatalogue.Resources)).WithTags("Sharing").WithName("GetSharingCatalogue")
            .AllowAnonymous();
        var shared = routes.MapGroup("/cases/{caseId}/shared-data").WithTags("Sharing");
        shared.MapGet("", Snapshots).WithName("GetSharedData").Allow(Policies.CaseParticipant)
            .WithSummary("The newest records of each shared resource; creditors see only resources the catalogue opens to participants.");
        shared.MapGet("/batches", Batches).WithName("GetSharedDataBatches").Allow(Policies.CaseStaff)
            .WithSummary("Every batch received, newest first, with its quality report and its differences from the batch before.");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<ResourceSnapshot>>> Snapshots(string caseId, HttpContext http, IGrainFactory grains, CaseAccessService access)
    {
        var roles = await access.RequireAsync(http.User, Ids.Check(caseId, "caseId"), CaseRoles.Participant);
        var snapshots = await grains.Get<ISharedDataGrain>(caseId).GetSnapshots();
        if ((roles & CaseRoles.Staff) != 0) return TypedResults.Ok(snapshots);
        return TypedResults.Ok<IReadOnlyList<ResourceSnapshot>>(
            snapshots.Where(s => SharingCatalogue.Find(s.Resource)?.Scope == SharingScope.Participants).ToList());
    }

    private static async Task<Ok<IReadOnlyList<DataBatchReport>>> Batches(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ISharedDataGrain>(Ids.Check(caseId, "caseId")).GetBatches());
}
