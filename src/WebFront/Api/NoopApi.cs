using CaseGrains.WebFront.Diagnostics;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// A request that does nothing past sign-in, session check, rate limit and audit: the HTTP ceiling for load tests.
/// 404 unless <see cref="LoadTestOptions.EnableNoop"/> is set.
/// </summary>
public static class NoopApi
{
    public static IEndpointRouteBuilder MapNoopApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/noop", Noop).Allow(Policies.SignedIn).WithTags("Load testing").WithName("Noop")
            .WithSummary("Does nothing; enabled only for load tests (Load:EnableNoop).");
        return routes;
    }

    private static Results<NoContent, NotFound> Noop(IOptions<LoadTestOptions> options) =>
        options.Value.EnableNoop ? TypedResults.NoContent() : TypedResults.NotFound();
}
