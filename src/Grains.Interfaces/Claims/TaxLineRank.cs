namespace CaseGrains.Claims;

/// <summary>Where a tax line is paid in distribution.</summary>
public enum TaxLineRank
{
    /// <summary>EBL 113 item (2), <see cref="ClaimClass.SocialInsuranceAndTax"/>.</summary>
    Priority,
    /// <summary>EBL 113 item (3), <see cref="ClaimClass.Ordinary"/>.</summary>
    Ordinary,
    /// <summary>
    /// Paid only from what is left after every EBL 113 class is paid in full (劣后债权); no <see cref="ClaimClass"/>
    /// holds it yet.
    /// </summary>
    Subordinated,
}
