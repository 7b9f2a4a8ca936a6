using CaseGrains.CaseAccounts;

namespace CaseGrains.Claims.Tests.CaseAccounts;

public class TransferLimitsTests
{
    /// <summary>Per transfer 100, per day 500, cumulative 1,000 (fen).</summary>
    private static readonly AccountLimits Limits = new(100, 500, 1_000);

    public static TheoryData<long, long, long, TransferLimit[]> Cases => new()
    {
        { 1, 0, 0, [] },
        // A transfer of exactly a limit is within it ("不超过").
        { 100, 400, 900, [] },
        { 101, 0, 0, [TransferLimit.PerTransfer] },
        { 100, 401, 401, [TransferLimit.PerDay] },
        { 100, 0, 901, [TransferLimit.Cumulative] },
        { 101, 450, 950, [TransferLimit.PerTransfer, TransferLimit.PerDay, TransferLimit.Cumulative] },
        // After the judge approved going over, everything after needs the judge too.
        { 1, 600, 600, [TransferLimit.PerDay] },
        { 1, 0, 1_200, [TransferLimit.Cumulative] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_transfer_is_within_a_limit_when_it_does_not_go_over_it(long amount, long paidToday, long paidTotal, TransferLimit[] expected) =>
        Assert.Equal(expected, TransferLimits.Exceeded(Limits, amount, paidToday, paidTotal));

    [Fact]
    public void Zero_limits_send_every_transfer_to_the_judge() =>
        Assert.Equal([TransferLimit.PerTransfer, TransferLimit.PerDay, TransferLimit.Cumulative],
            TransferLimits.Exceeded(new AccountLimits(0, 0, 0), 1, 0, 0));

    [Fact]
    public void Sums_near_the_largest_integer_do_not_overflow()
    {
        var huge = new AccountLimits(long.MaxValue, long.MaxValue, long.MaxValue);
        Assert.Empty(TransferLimits.Exceeded(huge, long.MaxValue - 10, 10, 10));
        Assert.Equal([TransferLimit.PerDay, TransferLimit.Cumulative], TransferLimits.Exceeded(huge, long.MaxValue - 10, 11, 11));
    }

    [Theory]
    [InlineData("2026-06-01T15:59:59Z", "2026-06-01")]
    [InlineData("2026-06-01T16:00:00Z", "2026-06-02")]
    [InlineData("2026-06-01T23:30:00+08:00", "2026-06-01")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void The_day_is_the_court_day_in_Asia_Shanghai(string at, string day) =>
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture),
            CourtDay.Of(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));
}
