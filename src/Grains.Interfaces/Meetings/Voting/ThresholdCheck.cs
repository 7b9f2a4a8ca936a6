namespace CaseGrains.Meetings.Voting;

/// <summary>
/// One statutory test of a resolution, with the exact numbers it was decided on.
/// <see cref="Required"/> is the least numerator that meets the test for this denominator.
/// </summary>
/// <param name="Class">The voting class tested, or null for a test over the whole meeting.</param>
public sealed record ThresholdCheck(
    string Name,
    string Article,
    VotingClass? Class,
    ThresholdUnit Unit,
    long Numerator,
    long Denominator,
    ThresholdComparison Comparison,
    long Required,
    bool Passed,
    string Explanation);
