namespace CaseGrains.Claims;

/// <summary>
/// A tax bureau declares what the debtor owes per tax type and period (STA announcement 2019 No. 48), computed up to
/// the acceptance date. The case splits it into a priority claim and a linked ordinary claim.
/// </summary>
/// <param name="Reference">The bureau's own reference for the declaration, kept with the claim.</param>
public sealed record DeclareTaxClaim(string DepartmentCode, IReadOnlyList<TaxClaimLine> Lines, string? Reference = null);
