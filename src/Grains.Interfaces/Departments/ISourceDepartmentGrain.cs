using CaseGrains.Claims;
using CaseGrains.Runtime;

namespace CaseGrains.Departments;

/// <summary>A source department, keyed by its code; it declares claims into cases by machine.</summary>
public interface ISourceDepartmentGrain : IGrainWithStringKey
{
    Task<DepartmentRegistration> Register(DepartmentRegistration registration);

    Task<DepartmentRegistration?> Get();

    /// <summary>Declares a claim into a case in the department's own name (the creditor is the department).</summary>
    Task<ClaimView> DeclareClaim(string caseId, DeclareClaim claim);

    /// <summary>Declares tax owed into a case; the case splits it into a priority and an ordinary claim.</summary>
    Task<TaxDeclarationView> DeclareTaxClaim(string caseId, IReadOnlyList<TaxClaimLine> lines, string? reference);
}
