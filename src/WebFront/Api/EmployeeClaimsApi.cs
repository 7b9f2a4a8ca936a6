using CaseGrains.Cases;
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
        routes.MapPost("/cases/{caseId}/employee-claims", List).WithTags("Claims").WithName("ListEmployeeClaim")
            .WithSummary("The administrator lists what the debtor owes an employee; it stands confirmed unless the employee objects.");
        return routes;
    }

    private static async Task<Created<ClaimView>> List(string caseId, ListEmployeeClaim body, IGrainFactory grains)
    {
        var claim = await grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")).ListEmployeeClaim(body with { CreditorId = Ids.Check(body.CreditorId, "creditorId") });
        return TypedResults.Created($"/api/cases/{caseId}/claims/{claim.ClaimId}", claim);
    }
}
