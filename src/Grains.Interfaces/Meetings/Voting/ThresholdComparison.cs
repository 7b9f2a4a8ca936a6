namespace CaseGrains.Meetings.Voting;

/// <summary>
/// How a numerator is held against a denominator, in the sense of Civil Code 1259: "以上" includes the bound,
/// "过半数" is strictly more than half.
/// </summary>
public enum ThresholdComparison
{
    /// <summary>过半数: 2 × numerator &gt; denominator.</summary>
    MoreThanHalf,
    /// <summary>二分之一以上: 2 × numerator ≥ denominator.</summary>
    AtLeastOneHalf,
    /// <summary>三分之二以上: 3 × numerator ≥ 2 × denominator.</summary>
    AtLeastTwoThirds,
}
