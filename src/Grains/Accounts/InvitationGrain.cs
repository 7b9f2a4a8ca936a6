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

    public async Task<Invitation> Redeem(string username, DateTimeOffset now)
    {
        var invitation = state.State.Invitation;
        if (invitation is null || state.State.RedeemedBy is not null || invitation.ExpiresAt < now)
            throw RuleViolationException.Invalid("code", "The invitation code is unknown, used or expired.");
        state.State.RedeemedBy = username;
        await state.WriteStateAsync();
        return invitation;
    }
}
