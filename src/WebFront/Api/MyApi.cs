using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>What the signed-in person works on: a judge's court, an administrator's appointments, a creditor's invitations.</summary>
public static class MyApi
{
    public static IEndpointRouteBuilder MapMyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/my/cases", MyCases).Allow(Policies.SignedIn).WithTags("Cases").WithName("MyCases");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<CaseView>>> MyCases(HttpContext http, IGrainFactory grains)
    {
        var user = http.User;
        IReadOnlyList<string> ids = user.Role() switch
        {
            AccountRole.Judge => await grains.Get<ICaseDirectoryGrain>(CaseDirectoryKeys.ForCourt(user.CourtOf()!)).List(),
            AccountRole.Administrator => await grains.Get<ICaseDirectoryGrain>(CaseDirectoryKeys.ForAdministrator(user.Username()!)).List(),
            AccountRole.Creditor => await grains.Get<IAccountGrain>(user.Username()!).GetCases(),
            _ => [],
        };
        var views = await Task.WhenAll(ids.Select(id => grains.Get<ICaseGrain>(id).Get()));
        return TypedResults.Ok<IReadOnlyList<CaseView>>(views);
    }
}
