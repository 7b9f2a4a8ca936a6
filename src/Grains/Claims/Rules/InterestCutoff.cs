using CaseGrains.Runtime;

namespace CaseGrains.Claims.Rules;

/// <summary>
/// Interest on a claim stops when the court accepts the bankruptcy application (EBL 46 para. 2: 附利息的债权自破产申请
/// 受理时起停止计息). Declared interest lines that run past the acceptance date are refused rather than silently cut,
/// so that the creditor restates the amount and the declared figure stays the creditor's own.
/// </summary>
public static class InterestCutoff
{
    private const int DaysPerYear = 365;
    private const int BasisPointsPerUnit = 10_000;

    /// <summary>Refuses the first line that is negative, runs backwards, or accrues after <paramref name="acceptance"/>.</summary>
    /// <param name="field">The request field holding the lines, used to name the refused one (e.g. "interestLines[1].to").</param>
    /// <exception cref="RuleViolationException">Invalid, naming the line's field.</exception>
    public static void EnsureNoneAfterAcceptance(IReadOnlyList<InterestLine> lines, DateOnly acceptance, string field = "interestLines")
    {
        ArgumentNullException.ThrowIfNull(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? throw RuleViolationException.Invalid($"{field}[{i}]", "the line is missing");
            if (line.AmountFen < 0)
            {
                throw RuleViolationException.Invalid($"{field}[{i}].amountFen", "the interest amount must not be negative");
            }

            if (line.To < line.From)
            {
                throw RuleViolationException.Invalid($"{field}[{i}].to", $"the line ends ({line.To:yyyy-MM-dd}) before it starts ({line.From:yyyy-MM-dd})");
            }

            if (line.To > acceptance)
            {
                throw RuleViolationException.Invalid(
                    $"{field}[{i}].to",
                    $"interest stops at the acceptance date {acceptance:yyyy-MM-dd} (EBL 46), but this line accrues until {line.To:yyyy-MM-dd}; declare interest only up to the acceptance date");
            }
        }
    }

    /// <summary>The days of <c>[from, to)</c> that fall before <paramref name="acceptance"/>: <c>min(to, acceptance) - from</c>, never negative.</summary>
    public static int AccruingDays(DateOnly from, DateOnly to, DateOnly acceptance)
    {
        var end = to < acceptance ? to : acceptance;
        return end > from ? end.DayNumber - from.DayNumber : 0;
    }

    /// <summary>
    /// Simple interest in fen from <paramref name="from"/> to <c>min(to, acceptance)</c>:
    /// <c>principal × rate (basis points per year) × days / 365 / 10 000</c>, an actual/365 day count.
    /// </summary>
    /// <remarks>
    /// Computed exactly in 128-bit integers and rounded once, half up (a remainder of half a fen or more rounds up),
    /// which is how a fen amount is rounded by hand; no intermediate rounding, no floating point.
    /// </remarks>
    /// <exception cref="RuleViolationException">Invalid: a negative principal or rate, or <paramref name="to"/> before <paramref name="from"/>.</exception>
    public static long SimpleInterestFen(long principalFen, long rateBasisPointsPerYear, DateOnly from, DateOnly to, DateOnly acceptance)
    {
        if (principalFen < 0)
        {
            throw RuleViolationException.Invalid("principalFen", "the principal must not be negative");
        }

        if (rateBasisPointsPerYear < 0)
        {
            throw RuleViolationException.Invalid("rateBasisPointsPerYear", "the interest rate must not be negative");
        }

        if (to < from)
        {
            throw RuleViolationException.Invalid("to", $"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        }

        var days = AccruingDays(from, to, acceptance);
        Int128 numerator = (Int128)principalFen * rateBasisPointsPerYear * days;
        Int128 denominator = DaysPerYear * BasisPointsPerUnit;
        var rounded = (2 * numerator + denominator) / (2 * denominator);
        if (rounded > long.MaxValue)
        {
            throw RuleViolationException.Invalid("principalFen", "the interest does not fit in a fen amount");
        }

        return (long)rounded;
    }
}
