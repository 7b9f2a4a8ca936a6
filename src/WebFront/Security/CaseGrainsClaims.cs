using System.Security.Claims;
using CaseGrains.Accounts;

namespace CaseGrains.WebFront.Security;

/// <summary>The claims a signed-in principal carries, and how to read them.</summary>
public static class CaseGrainsClaims
{
    public const string Court = "court";
    public const string Creditor = "creditor";
    public const string Session = "sid";

    public static ClaimsPrincipal Principal(AccountView account, string sessionId, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Username),
            new(ClaimTypes.Name, account.DisplayName),
            new(ClaimTypes.Role, account.Role.ToString()),
            new(Session, sessionId),
        };
        if (account.Court is not null) claims.Add(new Claim(Court, account.Court));
        if (account.CreditorId is not null) claims.Add(new Claim(Creditor, account.CreditorId));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.NameIdentifier, ClaimTypes.Role));
    }

    public static string? Username(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
    public static string? CreditorId(this ClaimsPrincipal user) => user.FindFirstValue(Creditor);
    public static string? CourtOf(this ClaimsPrincipal user) => user.FindFirstValue(Court);
    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(Session);

    public static AccountRole? Role(this ClaimsPrincipal user) =>
        Enum.TryParse<AccountRole>(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : null;

    /// <summary>The actor of a request nobody could be told for: not signed in, or a machine request not (yet) verified.</summary>
    public const string AnonymousActor = "anonymous";

    /// <summary>The actor id written into facts and the audit trail: the account's user name.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Username() ?? AnonymousActor;
}
