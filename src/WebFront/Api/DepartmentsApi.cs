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
        return routes;
    }

    private static async Task<Ok<DepartmentRegistration>> Register(string code, DepartmentRegistration body, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ISourceDepartmentGrain>(Ids.Check(code, "code")).Register(body));

    private static async Task<Ok<DepartmentRegistration>> Get(string code, IGrainFactory grains) =>
        TypedResults.Ok(await grains.Get<ISourceDepartmentGrain>(Ids.Check(code, "code")).Get()
            ?? throw RuleViolationException.NotFound("code", $"No department {code} is registered."));
}
