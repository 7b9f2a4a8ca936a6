using CaseGrains.Cases;
using CaseGrains.Identity;
using CaseGrains.Runtime;

namespace CaseGrains.Creditors;

/// <summary>
/// A creditor's profile, kept as versioned state. The identity number is checked by its check character on
/// registration and masked in every view but <see cref="GetUnmasked"/>.
/// </summary>
public sealed class CreditorGrain(IPersistentState<CreditorState> state, TimeProvider clock) : Grain, ICreditorGrain
{
    public async Task<CreditorView> Register(CreditorProfile profile)
    {
        CaseRules.Require(profile.Name, "name", "the creditor's name");
        CaseRules.Require(profile.IdentityNumber, "identityNumber", "the identity number");
        if (!Enum.IsDefined(profile.Kind)) throw RuleViolationException.Invalid("kind", "Kind must be person or organization.");
        if (profile.Phone is { Length: > 30 }) throw RuleViolationException.Invalid("phone", "The phone number is longer than 30 characters.");
        profile = profile with { IdentityNumber = CanonicalIdentity(profile.Kind, profile.IdentityNumber) };
        if (state.State.Profile != profile)
        {
            state.State.Profile = profile;
            await state.WriteStateAsync();
        }
        return Masked(profile);
    }

    public Task<CreditorView?> Get() => Task.FromResult(state.State.Profile is { } p ? Masked(p) : null);

    public Task<CreditorProfile?> GetUnmasked() => Task.FromResult(state.State.Profile);

    public async Task JoinCase(string caseId)
    {
        CaseRules.Require(caseId, "caseId", "the case");
        if (state.State.Cases.Add(caseId)) await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> GetCases() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Cases.Order(StringComparer.Ordinal)]);

    private string CanonicalIdentity(CreditorKind kind, string number)
    {
        if (kind == CreditorKind.Person)
        {
            if (!ResidentIdNumber.TryParse(number, out var id))
                throw RuleViolationException.Invalid("identityNumber",
                    "This is not a resident ID number: 17 digits with a real birth date in places 7-14, then a check digit or X that matches (GB 11643-1999).");
            if (id.BirthDate > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
                throw RuleViolationException.Invalid("identityNumber", "The birth date in this resident ID number is in the future.");
            return id.Value;
        }
        if (!UnifiedSocialCreditCode.TryParse(number, out var code))
            throw RuleViolationException.Invalid("identityNumber",
                "This is not a unified social credit code: 18 characters with a check character that matches (GB 32100-2015).");
        return code.Value;
    }

    private CreditorView Masked(CreditorProfile p) =>
        new(Key, p.Name, p.Kind, PersonalDataMask.IdNumber(p.IdentityNumber), p.Phone is null ? null : PersonalDataMask.Phone(p.Phone));
}
