namespace CaseGrains.Claims;

/// <summary>
/// One line of interest in a declaration: an amount that accrued from <see cref="From"/> to <see cref="To"/>
/// (both calendar dates; the day count is <c>To - From</c>).
/// </summary>
public sealed record InterestLine(long AmountFen, DateOnly From, DateOnly To);
