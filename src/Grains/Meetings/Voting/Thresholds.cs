namespace CaseGrains.Meetings.Voting;

/// <summary>
/// Decides a threshold exactly by cross-multiplication in 128 bits (Civil Code 1259: "以上" includes the bound,
/// "过半数" does not), and states the least numerator that would meet it.
/// </summary>
internal static class Thresholds
{
    public static bool Meets(long numerator, long denominator, ThresholdComparison comparison)
    {
        Int128 n = numerator;
        Int128 d = denominator;
        return comparison switch
        {
            ThresholdComparison.MoreThanHalf => 2 * n > d,
            ThresholdComparison.AtLeastOneHalf => 2 * n >= d,
            ThresholdComparison.AtLeastTwoThirds => 3 * n >= 2 * d,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
        };
    }

    /// <summary>The least non-negative integer numerator that meets the threshold.</summary>
    public static long Required(long denominator, ThresholdComparison comparison)
    {
        Int128 d = denominator;
        Int128 required = comparison switch
        {
            ThresholdComparison.MoreThanHalf => d / 2 + 1,
            ThresholdComparison.AtLeastOneHalf => (d + 1) / 2,
            ThresholdComparison.AtLeastTwoThirds => (2 * d + 2) / 3,
            _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
        };
        return (long)Int128.Max(required, 0);
    }

    public static ThresholdCheck Check(
        string name, string article, VotingClass? votingClass, ThresholdUnit unit,
        long numerator, long denominator, ThresholdComparison comparison, string numeratorText, string denominatorText)
    {
        bool passed = Meets(numerator, denominator, comparison);
        long required = Required(denominator, comparison);
        string explanation =
            $"{name} ({article}): {Show(unit, numerator)} {numeratorText} out of {Show(unit, denominator)} {denominatorText}; "
            + $"{Describe(comparison)} requires at least {Show(unit, required)}: {(passed ? "met" : "not met")}.";
        return new ThresholdCheck(name, article, votingClass, unit, numerator, denominator, comparison, required, passed, explanation);
    }

    public static string Describe(ThresholdComparison comparison) => comparison switch
    {
        ThresholdComparison.MoreThanHalf => "more than half (过半数)",
        ThresholdComparison.AtLeastOneHalf => "at least one half (二分之一以上)",
        ThresholdComparison.AtLeastTwoThirds => "at least two thirds (三分之二以上)",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    private static string Show(ThresholdUnit unit, long value) =>
        unit == ThresholdUnit.Heads ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : Fen.Format(value);
}
