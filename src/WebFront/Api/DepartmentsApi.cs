using CaseGrains.Claims;
using CaseGrains.Departments;
using CaseGrains.Runtime;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder routes)
    {
        var departments = routes.MapGroup("/departments").WithTags("Source departments");
        departments.MapPut("/{code}", Register).Allow(Policies.PlatformAdmin).WithName("RegisterDepartment");
        departments.MapGet("/{code}", Get).Allow(Policies.StaffOrPlatform).WithName("GetDepartment");
        departments.MapPost("/{code}/cases/{caseId}/claims", Declare).Allow(Policies.PlatformAdmin).WithName("DepartmentDeclaresClaim")
            .WithSummary("A source department (the tax bureau) declares a claim into a case.");
        return routes;
    }

    private static async Task<Ok<DepartmentRegistration>> Register(string code, DepartmentRegistration body, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ISourceDepartmentGrain>(Ids.Check(code, "code")).Register(body));

    private static async Task<Ok<DepartmentRegistration>> Get(string code, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ISourceDepartmentGrain>(Ids.Check(code, "code")).Get()
            ?? throw RuleViolationException.NotFound("code", $"No department {code} is registered."));

    private static async Task<Created<ClaimView>> Declare(string code, string caseId, DepartmentClaimRequest body, IGrainFactory grains)
    {
        var claim = await grains.Get<ISourceDepartmentGrain>(Ids.Check(code, "code")).DeclareClaim(Ids.Check(caseId, "caseId"),
            new DeclareClaim("", body.Class, body.PrincipalFen, body.InterestFen, body.OtherFen, body.SecuredFen, body.Collateral, ""));
        return TypedResults.Created($"/api/cases/{caseId}/claims/{claim.ClaimId}", claim);
    }
}

public sealed record DepartmentClaimRequest(
    ClaimClass Class, long PrincipalFen, long InterestFen = 0, long OtherFen = 0, long SecuredFen = 0, string? Collateral = null);
