using CaseGrains.Runtime;

namespace CaseGrains.Accounts;

public sealed class InvitationGrain(IPersistentState<InvitationState> state) : Grain, IInvitationGrain
{
    public async Task Create(Invitation invitation)
    {
        if (state.State.Invitation is not null) throw RuleViolationException.Conflict("code", "This invitation exists already.");
        state.State.Invitation = invitation;
        await state.WriteStateAsync();
    }

    public Task<Invitation> Redeem(string username, DateTimeOffset now) => UseAsync(username, null, now);

    public Task<Invitation> RedeemFor(string username, string creditorId, DateTimeOffset now) => UseAsync(username, creditorId, now);

    private async Task<Invitation> UseAsync(string username, string? creditorId, DateTimeOffset now)
    {
        var invitation = state.State.Invitation;
        if (invitation is null || state.State.RedeemedBy is not null || invitation.ExpiresAt < now)
            throw RuleViolationException.Invalid("code", "The invitation code is unknown, used or expired.");
        if (creditorId is not null && !string.Equals(creditorId, invitation.CreditorId, StringComparison.Ordinal))
            throw RuleViolationException.NotAllowed("code", "This invitation is made out to another creditor.");
        state.State.RedeemedBy = username;
        await state.WriteStateAsync();
        return invitation;
    }
}
