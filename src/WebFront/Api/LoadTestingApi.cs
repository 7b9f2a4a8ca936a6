using CaseGrains.WebFront.Diagnostics;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// Endpoints for load tests only, 404 unless <see cref="LoadTestOptions.EnableNoop"/> is set: a request that does
/// nothing past sign-in, session check, rate limit and audit (the HTTP ceiling), and the server process's garbage
/// collector figures since it started, for a load generator in another process to difference around a scenario.
/// </summary>
public static class LoadTestingApi
{
    public static IEndpointRouteBuilder MapLoadTestingApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/noop", Noop).Allow(Policies.SignedIn).WithTags("Load testing").WithName("Noop")
            .WithSummary("Does nothing; enabled only for load tests (Load:EnableNoop).");
        routes.MapGet("/load/runtime", Figures).Allow(Policies.PlatformAdmin).WithTags("Load testing").WithName("RuntimeFigures")
            .WithSummary("Collections, total pause and bytes allocated by the server process; enabled only for load tests (Load:EnableNoop).");
        return routes;
    }

    private static Results<NoContent, NotFound> Noop(IOptions<LoadTestOptions> options) =>
        options.Value.EnableNoop ? TypedResults.NoContent() : TypedResults.NotFound();

    private static Results<Ok<RuntimeFigures>, NotFound> Figures(IOptions<LoadTestOptions> options) =>
        options.Value.EnableNoop
            ? TypedResults.Ok(new RuntimeFigures(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
                GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetTotalAllocatedBytes(), GC.GetGCMemoryInfo().HeapSizeBytes))
            : TypedResults.NotFound();
}
