namespace CaseGrains.Claims;

/// <summary>
/// Priority class of a claim in distribution (EBL 113). Whether a claim is secured by collateral is a separate
/// property: a secured claim still has a class for any shortfall.
/// </summary>
public enum ClaimClass
{
    /// <summary>Employee wages, medical and injury subsidies, pensions owed (EBL 113 (1)); listed by the administrator, not declared.</summary>
    Employee,
    /// <summary>Other social insurance contributions and taxes owed (EBL 113 (2)).</summary>
    SocialInsuranceAndTax,
    /// <summary>Ordinary claims (EBL 113 (3)), including late-payment fees on tax arising before acceptance.</summary>
    Ordinary,
}
