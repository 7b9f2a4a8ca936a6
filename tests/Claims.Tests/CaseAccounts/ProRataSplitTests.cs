using System.Numerics;
using CaseGrains.CaseAccounts;

namespace CaseGrains.Claims.Tests.CaseAccounts;

public class ProRataSplitTests
{
    public static TheoryData<long, long[], long[]> Splits => new()
    {
        // Exact shares need no rounding.
        { 10, [3, 3, 4], [3, 3, 4] },
        // 3.5, 2.1, 1.4: floors 3, 2, 1 leave 1 fen, which goes to the largest remainder (0.5).
        { 7, [5, 3, 2], [4, 2, 1] },
        // Equal remainders: the leftover fen go in list order, the earlier line first.
        { 100, [1, 1, 1], [34, 33, 33] },
        { 1, [1, 1], [1, 0] },
        { 2, [7, 7, 7], [1, 1, 0] },
        // A larger remainder wins over an earlier position.
        { 5, [1, 1, 2], [1, 1, 3] },
        { 0, [4, 5], [0, 0] },
        // A zero weight gets nothing.
        { 9, [0, 3, 6], [0, 3, 6] },
        // Paying in full pays every weight exactly.
        { 600, [100, 200, 300], [100, 200, 300] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Splits_by_largest_remainder_with_ties_to_the_earlier_line(long total, long[] weights, long[] expected) =>
        Assert.Equal(expected, ProRataSplit.Split(total, weights));

    [Fact]
    public void Amounts_of_10_to_the_15_fen_are_split_without_overflow()
    {
        const long Max = 1_000_000_000_000_000;
        var amounts = ProRataSplit.Split(Max, [Max, Max - 1, 1]);
        Assert.Equal(Max, amounts.Sum());
        // Exact shares: 10^15 · w / (2·10^15): 500000000000000, 499999999999999.5, 0.5 — the two halves tie, the earlier wins.
        Assert.Equal([500_000_000_000_000, 500_000_000_000_000, 0], amounts);
    }

    [Fact]
    public void A_Nantong_sized_distribution_of_200_million_yuan_to_110_creditors_adds_up_to_the_fen()
    {
        var random = new Random(110);
        var weights = Enumerable.Range(0, 110).Select(_ => random.NextInt64(1, 5_000_000_000)).ToArray();
        const long Total = 200_000_000_00;
        var amounts = ProRataSplit.Split(Total, weights);
        Assert.Equal(Total, amounts.Sum());
        AssertWithinOneFenOfExact(Total, weights, amounts);
    }

    [Fact]
    public void Random_splits_lose_and_create_no_fen_and_stay_within_a_fen_of_the_exact_share()
    {
        var random = new Random(20260301);
        for (var run = 0; run < 2_000; run++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.NextInt64(0, 1_000_000_000_000)).ToArray();
            if (weights.All(w => w == 0)) weights[0] = 1;
            var sum = weights.Sum();
            var total = random.NextInt64(0, sum + 1);
            var amounts = ProRataSplit.Split(total, weights);

            Assert.Equal(total, amounts.Sum());
            AssertWithinOneFenOfExact(total, weights, amounts);
            for (var i = 0; i < weights.Length; i++) Assert.InRange(amounts[i], 0, weights[i]);
            // Whoever gets the extra fen has a remainder at least as large as whoever does not.
            var exact = weights.Select(w => (BigInteger)total * w).ToArray();
            var remainders = exact.Select(e => e % sum).ToArray();
            var up = Enumerable.Range(0, weights.Length).Where(i => amounts[i] * (BigInteger)sum > exact[i]).ToList();
            var down = Enumerable.Range(0, weights.Length).Except(up).ToList();
            if (up.Count > 0 && down.Count > 0) Assert.True(up.Min(i => remainders[i]) >= down.Max(i => remainders[i]));
        }
    }

    [Fact]
    public void Nothing_to_split_among_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ProRataSplit.Split(1, []));
        Assert.Throws<ArgumentException>(() => ProRataSplit.Split(1, [0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProRataSplit.Split(1, [1, -1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProRataSplit.Split(-1, [1]));
    }

    private static void AssertWithinOneFenOfExact(long total, long[] weights, long[] amounts)
    {
        BigInteger sum = weights.Aggregate(BigInteger.Zero, (s, w) => s + w);
        for (var i = 0; i < weights.Length; i++)
        {
            var difference = BigInteger.Abs(amounts[i] * sum - (BigInteger)total * weights[i]);
            Assert.True(difference < sum, $"line {i}: {amounts[i]} is a fen or more away from {total}·{weights[i]}/{sum}");
        }
    }
}
