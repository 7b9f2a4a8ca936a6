using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace CaseGrains.WebFront.Security;

/// <summary>
/// Decides <see cref="CaseRoleRequirement"/> before the request body is read. A case (or meeting) that does not exist
/// passes, so that the endpoint answers 404 for it; a route with neither id fails.
/// </summary>
public sealed class CaseRoleHandler(CaseAccessService access) : AuthorizationHandler<CaseRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseRoleRequirement requirement)
    {
        if (context.Resource is not HttpContext http || context.User.Identity?.IsAuthenticated != true) return;
        var route = http.Request.RouteValues;
        var caseId = route["caseId"] as string;
        if (caseId is null && route["meetingId"] is string meetingId)
        {
            caseId = await access.CaseOfMeetingAsync(meetingId);
            if (caseId is null)
            {
                context.Succeed(requirement);
                return;
            }
        }
        if (caseId is null) return;
        var roles = await access.RolesInCaseAsync(context.User, caseId);
        if (roles is null || (roles & requirement.Allowed) != 0) context.Succeed(requirement);
    }
}
