namespace CaseGrains.Load.Reporting;

/// <summary>
/// One round of a run that alternates a no-op slice and a vote slice: both rates, measured seconds apart, so a change
/// in the machine's speed over the run falls on both.
/// </summary>
/// <param name="NoopFirst">The no-op slice ran first in this round (rounds alternate the order).</param>
public sealed record RateRound(int Number, bool NoopFirst, double NoopOkPerSecond, double VoteOkPerSecond)
{
    public double Ratio => NoopOkPerSecond == 0 ? 0 : Math.Round(VoteOkPerSecond / NoopOkPerSecond, 3);
}
