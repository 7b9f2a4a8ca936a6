namespace CaseGrains.Claims;

/// <summary>How one line of a tax declaration was ranked, and why.</summary>
/// <param name="Index">The line's position in the declaration.</param>
/// <param name="Class">The distribution class, or null for a subordinated line.</param>
public sealed record TaxLineOutcome(
    int Index,
    TaxLineKind Kind,
    string TaxType,
    string Period,
    long AmountFen,
    TaxLineRank Rank,
    ClaimClass? Class,
    string Explanation);
