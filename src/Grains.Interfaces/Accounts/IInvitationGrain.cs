using CaseGrains.Runtime;

namespace CaseGrains.Accounts;

/// <summary>A one-time invitation, keyed by the SHA-256 (hex) of its code: the code itself is never stored.</summary>
public interface IInvitationGrain : IGrainWithStringKey
{
    Task Create(Invitation invitation);

    /// <summary>Uses the invitation for <paramref name="username"/>; refuses a used, expired or unknown one.</summary>
    Task<Invitation> Redeem(string username, DateTimeOffset now);

    /// <summary>
    /// Uses the invitation for an existing account that speaks for <paramref name="creditorId"/>: refuses as
    /// <see cref="Redeem"/> does, and refuses one made out to another creditor without using it up.
    /// </summary>
    Task<Invitation> RedeemFor(string username, string creditorId, DateTimeOffset now);
}
