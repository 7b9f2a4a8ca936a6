using CaseGrains.Cases;
using CaseGrains.Runtime;

namespace CaseGrains.Creditors;

/// <summary>A creditor's profile, kept as versioned state.</summary>
public sealed class CreditorGrain(IPersistentState<CreditorState> state) : Grain, ICreditorGrain
{
    public async Task<CreditorProfile> Register(CreditorProfile profile)
    {
        CaseRules.Require(profile.Name, "name", "the creditor's name");
        CaseRules.Require(profile.IdentityNumber, "identityNumber", "the identity number");
        if (!Enum.IsDefined(profile.Kind)) throw RuleViolationException.Invalid("kind", "Kind must be person or organization.");
        if (state.State.Profile == profile) return profile;
        state.State.Profile = profile;
        await state.WriteStateAsync();
        return profile;
    }

    public Task<CreditorProfile?> Get() => Task.FromResult(state.State.Profile);
}
