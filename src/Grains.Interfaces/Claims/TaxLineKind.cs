namespace CaseGrains.Claims;

/// <summary>What a line of a tax bureau's declaration is (STA announcement 2019 No. 48, art. 4).</summary>
public enum TaxLineKind
{
    /// <summary>所欠税款: tax owed.</summary>
    TaxPrincipal,
    /// <summary>教育费附加、地方教育附加: education surcharges, which the announcement counts as tax.</summary>
    Surcharge,
    /// <summary>滞纳金: late-payment fees on tax owed.</summary>
    LateFee,
    /// <summary>罚款: administrative fines.</summary>
    Fine,
    /// <summary>因特别纳税调整产生的利息: interest arising from a special tax adjustment (transfer pricing).</summary>
    SpecialAdjustmentInterest,
}
