using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Runtime;

namespace CaseGrains.Departments;

/// <summary>A registered source department; it declares claims in its own name.</summary>
public sealed class SourceDepartmentGrain(IPersistentState<DepartmentState> state) : Grain, ISourceDepartmentGrain
{
    public async Task<DepartmentRegistration> Register(DepartmentRegistration registration)
    {
        CaseRules.Require(registration.Name, "name", "the department's name");
        CaseRules.Require(registration.Kind, "kind", "the department's kind");
        state.State.Registration = registration;
        await state.WriteStateAsync();
        return registration;
    }

    public Task<DepartmentRegistration?> Get() => Task.FromResult(state.State.Registration);

    public Task<ClaimView> DeclareClaim(string caseId, DeclareClaim claim)
    {
        RequireRegistered();
        var declaredBy = $"dept-{Key}";
        return GrainFactory.Get<ICaseGrain>(caseId).DeclareClaim(claim with { CreditorId = declaredBy, DeclaredBy = declaredBy, Department = Key });
    }

    public Task<TaxDeclarationView> DeclareTaxClaim(string caseId, IReadOnlyList<TaxClaimLine> lines, string? reference)
    {
        RequireRegistered();
        return GrainFactory.Get<ICaseGrain>(caseId).DeclareTaxClaim(new DeclareTaxClaim(Key, lines, reference));
    }

    private void RequireRegistered()
    {
        if (state.State.Registration is null)
            throw RuleViolationException.NotFound("departmentCode", $"No department {Key} is registered.");
    }
}
