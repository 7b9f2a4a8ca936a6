using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using CaseGrains.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The administrator lists employee claims (EBL 48); employees do not declare them.</summary>
public static class EmployeeClaimsApi
{
    public static IEndpointRouteBuilder MapEmployeeClaimsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/cases/{caseId}/employee-claims", List).Allow(Policies.CaseAdministrator).WithTags("Claims").WithName("ListEmployeeClaim")
            .WithSummary("The administrator lists what the debtor owes an employee; it stands confirmed unless the employee objects.");
        return routes;
    }

    private static async Task<Created<ClaimView>> List(string caseId, EmployeeClaimRequest body, HttpContext http, IGrainFactory grains)
    {
        var claim = await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).ListEmployeeClaim(
            new ListEmployeeClaim(Ids.Check(body.CreditorId, "creditorId"), body.PrincipalFen, body.OtherFen, http.User.Actor(), body.Description));
        return TypedResults.Created($"/api/cases/{caseId}/claims/{claim.ClaimId}", claim);
    }
}

/// <summary>What the administrator lists for an employee (the administrator is the signed-in one).</summary>
public sealed record EmployeeClaimRequest(string CreditorId, long PrincipalFen, long OtherFen, string? Description = null);
