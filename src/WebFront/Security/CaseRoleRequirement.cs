using Microsoft.AspNetCore.Authorization;

namespace CaseGrains.WebFront.Security;

/// <summary>The caller plays one of <see cref="Allowed"/> in the case named by the route (caseId, or the meeting's case).</summary>
public sealed record CaseRoleRequirement(CaseRoles Allowed) : IAuthorizationRequirement;
