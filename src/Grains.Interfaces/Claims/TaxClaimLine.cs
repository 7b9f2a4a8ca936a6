namespace CaseGrains.Claims;

/// <summary>One line of a tax bureau's declaration, per tax type and period.</summary>
/// <param name="TaxType">The tax, e.g. "增值税" or "企业所得税"; shown in the explanation.</param>
/// <param name="Period">The tax period, e.g. "2023-12"; shown in the explanation.</param>
/// <param name="AccruedUntil">
/// The last day an accruing amount was computed up to: required for late fees and special-adjustment interest;
/// for other kinds, optionally the date the amount arose. No line may be dated after the acceptance date.
/// </param>
public sealed record TaxClaimLine(TaxLineKind Kind, string TaxType, string Period, long AmountFen, DateOnly? AccruedUntil = null);
