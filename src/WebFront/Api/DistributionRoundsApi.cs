using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using CaseGrains.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// The administrator records each distribution round paid. Late claims share only in later rounds, and none can be
/// declared after the final one (EBL 56). The distribution itself is computed elsewhere.
/// </summary>
public static class DistributionRoundsApi
{
    public static IEndpointRouteBuilder MapDistributionRoundsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cases/{caseId}/distribution-rounds", Record).Allow(Policies.CaseAdministrator).WithTags("Cases").WithName("RecordDistributionRound")
            .WithSummary("Records that a distribution round was paid, and whether it was the final one.");
        return routes;
    }

    private static async Task<Ok<CaseView>> Record(string caseId, DistributionRoundRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).RecordDistribution(new RecordDistribution(http.User.Actor(), body.Final)));
}

/// <summary>A paid distribution round (recorded by the signed-in administrator).</summary>
public sealed record DistributionRoundRequest(bool Final);
