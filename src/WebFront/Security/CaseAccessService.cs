using System.Security.Claims;
using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.Meetings;

namespace CaseGrains.WebFront.Security;

/// <summary>Works out which part a principal plays in a case, from the case grain's record of court, judge, administrator and participants.</summary>
public sealed class CaseAccessService(IGrainFactory grains)
{
    /// <summary>The roles of <paramref name="user"/> in the case; null when the case does not exist.</summary>
    public async Task<CaseRoles?> RolesInCaseAsync(ClaimsPrincipal user, string caseId)
    {
        var grain = grains.Get<ICaseGrain>(caseId);
        var access = await grain.GetAccess();
        if (access is null) return null;
        var roles = CaseRoles.None;
        switch (user.Role())
        {
            case AccountRole.Judge when user.CourtOf() == access.Court:
                roles |= CaseRoles.Judge;
                break;
            case AccountRole.Administrator when user.Username() == access.AdministratorId:
                roles |= CaseRoles.Administrator;
                break;
            // The invitation let this account into this case; the creditor it speaks for must take part in it.
            case AccountRole.Creditor when user.CreditorId() is { } creditor
                                           && await grains.Get<IAccountGrain>(user.Username()!).IsInCase(caseId)
                                           && await grain.IsParticipant(creditor):
                roles |= CaseRoles.Creditor;
                break;
        }
        return roles;
    }

    /// <summary>The case a meeting belongs to; null when there is no such meeting.</summary>
    public Task<string?> CaseOfMeetingAsync(string meetingId) => grains.Get<IMeetingGrain>(meetingId).GetCaseId();

    /// <summary>
    /// Throws a refusal unless the principal is the creditor itself, or the judge or administrator of a case the
    /// creditor takes part in: a profile holds an identity number, for nobody else.
    /// </summary>
    public async Task RequireCreditorProfileAccessAsync(ClaimsPrincipal user, string creditorId)
    {
        if (user.CreditorId() == creditorId) return;
        if (user.Role() is AccountRole.Judge or AccountRole.Administrator)
            foreach (var caseId in await grains.Get<Creditors.ICreditorGrain>(creditorId).GetCases())
                if (await RolesInCaseAsync(user, caseId) is { } roles && (roles & CaseRoles.Staff) != 0)
                    return;
        throw RuleViolationException.NotAllowed("creditorId", "A creditor's profile is for the creditor and the judge and administrator of its cases.");
    }

    /// <summary>Throws a refusal unless the principal plays one of <paramref name="allowed"/> in the case.</summary>
    public async Task<CaseRoles> RequireAsync(ClaimsPrincipal user, string caseId, CaseRoles allowed)
    {
        var roles = await RolesInCaseAsync(user, caseId) ?? throw RuleViolationException.NotFound("caseId", $"There is no case {caseId}.");
        if ((roles & allowed) == 0) throw RuleViolationException.NotAllowed("caseId", "Your role in this case does not allow this.");
        return roles;
    }
}
