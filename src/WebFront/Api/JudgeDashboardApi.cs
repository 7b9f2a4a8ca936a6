using CaseGrains.WebFront.Dashboard;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The judge's dashboard: every case of the judge's court with its stage, what is overdue, live meetings and what waits for the judge.</summary>
public static class JudgeDashboardApi
{
    public static IEndpointRouteBuilder MapJudgeDashboardApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/judge/dashboard", Get).Allow(Policies.AnyJudge).WithTags("Judge").WithName("JudgeDashboard")
            .WithSummary("Every case of the signed-in judge's court: stage, overdue steps, live meetings with tallies, items waiting for the judge.");
        return routes;
    }

    private static async Task<Ok<JudgeDashboard>> Get(HttpContext http, JudgeDashboardBuilder dashboard) =>
        TypedResults.Ok(await dashboard.BuildAsync(http.User.CourtOf()!));
}
