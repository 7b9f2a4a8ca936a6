using CaseGrains.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace CaseGrains.WebFront.Security;

/// <summary>The named authorization policies; every endpoint names one, or says it is public.</summary>
public static class Policies
{
    public const string PlatformAdmin = "platform-admin";
    public const string AnyJudge = "judge";
    public const string AnyCreditor = "creditor";
    public const string StaffOrPlatform = "staff-or-platform";
    public const string SignedIn = "signed-in";
    public const string CaseParticipant = "case:participant";
    public const string CaseStaff = "case:staff";
    public const string CaseAdministrator = "case:administrator";
    public const string CaseJudge = "case:judge";
    public const string CaseCreditor = "case:creditor";
    public const string CaseCreditorOrAdministrator = "case:creditor-or-administrator";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(PlatformAdmin, p => p.RequireRole(nameof(AccountRole.PlatformAdmin)));
        options.AddPolicy(AnyJudge, p => p.RequireRole(nameof(AccountRole.Judge)));
        options.AddPolicy(AnyCreditor, p => p.RequireRole(nameof(AccountRole.Creditor)));
        options.AddPolicy(StaffOrPlatform, p => p.RequireRole(nameof(AccountRole.Judge), nameof(AccountRole.Administrator), nameof(AccountRole.PlatformAdmin)));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(CaseParticipant, p => p.RequireAuthenticatedUser().AddRequirements(new CaseRoleRequirement(CaseRoles.Participant)));
        options.AddPolicy(CaseStaff, p => p.RequireAuthenticatedUser().AddRequirements(new CaseRoleRequirement(CaseRoles.Staff)));
        options.AddPolicy(CaseAdministrator, p => p.RequireAuthenticatedUser().AddRequirements(new CaseRoleRequirement(CaseRoles.Administrator)));
        options.AddPolicy(CaseJudge, p => p.RequireAuthenticatedUser().AddRequirements(new CaseRoleRequirement(CaseRoles.Judge)));
        options.AddPolicy(CaseCreditor, p => p.RequireAuthenticatedUser().AddRequirements(new CaseRoleRequirement(CaseRoles.Creditor)));
        options.AddPolicy(CaseCreditorOrAdministrator, p => p.RequireAuthenticatedUser()
            .AddRequirements(new CaseRoleRequirement(CaseRoles.Creditor | CaseRoles.Administrator)));
    }

    /// <summary>Attaches a named policy; the role matrix test reads these names.</summary>
    public static TBuilder Allow<TBuilder>(this TBuilder builder, string policy) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy);
}
