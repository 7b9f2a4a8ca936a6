using CaseGrains.Cases;
using CaseGrains.Creditors;
using CaseGrains.Runtime;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The creditors of a case, for its judge and administrator: who was invited, who has claims, and their sums.</summary>
public static class CaseCreditorsApi
{
    public const int MaxPage = 500;

    public static IEndpointRouteBuilder MapCaseCreditorsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/cases/{caseId}/creditors", List).Allow(Policies.CaseStaff).WithTags("Creditors").WithName("ListCaseCreditors")
            .WithSummary("The case's creditors in creditor id order, a page at a time, each with its profile (identity number masked) and its claims' sums.");
        return routes;
    }

    private static async Task<Ok<CaseCreditorPage>> List(string caseId, IGrainFactory grains, int offset = 0, int limit = 100)
    {
        if (offset < 0) throw RuleViolationException.Invalid("offset", "An offset is 0 or more.");
        if (limit is < 1 or > MaxPage) throw RuleViolationException.Invalid("limit", $"A page holds 1 to {MaxPage} creditors.");
        var all = await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).GetCreditors();
        var page = all.Skip(offset).Take(limit).ToList();
        var profiles = await Task.WhenAll(page.Select(c => grains.Get<ICreditorGrain>(c.CreditorId).Get()));
        var items = page.Select((c, i) => c with { Profile = profiles[i] }).ToList();
        return TypedResults.Ok(new CaseCreditorPage(items, all.Count, offset + items.Count < all.Count ? offset + items.Count : null));
    }
}

/// <param name="Next">The offset of the next page; null on the last.</param>
public sealed record CaseCreditorPage(IReadOnlyList<CaseCreditor> Items, int Total, int? Next);
