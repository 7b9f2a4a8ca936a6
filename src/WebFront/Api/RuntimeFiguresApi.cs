using CaseGrains.WebFront.Diagnostics;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// The server process's garbage collector figures since it started, for a load generator running in another process
/// to difference around a scenario. 404 unless <see cref="LoadTestOptions.EnableNoop"/> is set.
/// </summary>
public static class RuntimeFiguresApi
{
    public static IEndpointRouteBuilder MapRuntimeFiguresApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/load/runtime", Figures).Allow(Policies.PlatformAdmin).WithTags("Load testing").WithName("RuntimeFigures")
            .WithSummary("Collections, total pause and bytes allocated by the server process; enabled only for load tests (Load:EnableNoop).");
        return routes;
    }

    private static Results<Ok<RuntimeFigures>, NotFound> Figures(IOptions<LoadTestOptions> options) =>
        options.Value.EnableNoop
            ? TypedResults.Ok(new RuntimeFigures(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
                GC.GetTotalPauseDuration().TotalMilliseconds, GC.GetTotalAllocatedBytes(), GC.GetGCMemoryInfo().HeapSizeBytes))
            : TypedResults.NotFound();
}

/// <summary>Counts since the process started: collections by generation (a gen2 also counts as gen1 and gen0), pause time, bytes.</summary>
public sealed record RuntimeFigures(int Gen0Collections, int Gen1Collections, int Gen2Collections, double PauseMilliseconds, long AllocatedBytes, long HeapBytes);
