using CaseGrains.Load.Engine;

namespace CaseGrains.Load.Tests;

/// <summary>The generator's histogram: percentiles within its stated precision, exact count, min, max and mean.</summary>
public sealed class LatencyHistogramTests
{
    [Theory]
    [InlineData(50, 5_000)]
    [InlineData(75, 7_500)]
    [InlineData(95, 9_500)]
    [InlineData(99, 9_900)]
    [InlineData(100, 10_000)]
    public void Percentiles_of_one_to_ten_thousand_microseconds_are_within_one_point_six_percent(double percentile, long exact)
    {
        var histogram = new LatencyHistogram();
        for (long v = 1; v <= 10_000; v++) histogram.Record(v);

        var got = histogram.Percentile(percentile);
        Assert.InRange(got, exact, (long)(exact * 1.016) + 1);
        Assert.Equal(10_000, histogram.Count);
        Assert.Equal(1, histogram.MinMicroseconds);
        Assert.Equal(10_000, histogram.MaxMicroseconds);
        Assert.Equal(5_000.5, histogram.MeanMicroseconds);
    }

    [Fact]
    public void Values_below_128_microseconds_are_exact()
    {
        var histogram = new LatencyHistogram();
        foreach (var v in new long[] { 3, 3, 7, 127 }) histogram.Record(v);

        Assert.Equal(3, histogram.Percentile(50));
        Assert.Equal(7, histogram.Percentile(75));
        Assert.Equal(127, histogram.Percentile(99));
    }
}
