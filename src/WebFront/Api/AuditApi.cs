using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The audit trail of a case, for the judges of its court.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/audit", Read).Allow(Policies.AnyJudge).WithTags("Audit").WithName("ReadAudit");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<AuditRecord>>> Read(HttpContext http, IAuditLog audit, CaseAccessService access,
        string caseId, string? actor = null, DateTimeOffset? since = null, int limit = 200)
    {
        await access.RequireAsync(http.User, Ids.Check(caseId, "caseId"), CaseRoles.Judge);
        if (limit is < 1 or > 1000) throw RuleViolationException.Invalid("limit", "Limit is 1 to 1000.");
        return TypedResults.Ok(await audit.ReadAsync(new AuditQuery(caseId, actor, since, limit), http.RequestAborted));
    }
}
