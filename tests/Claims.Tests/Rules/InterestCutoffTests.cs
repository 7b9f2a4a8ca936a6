using CaseGrains.Claims.Rules;
using CaseGrains.Runtime;

namespace CaseGrains.Claims.Tests.Rules;

public class InterestCutoffTests
{
    private static readonly DateOnly Acceptance = new(2024, 3, 1);

    [Fact]
    public void Lines_ending_on_or_before_acceptance_pass()
    {
        InterestCutoff.EnsureNoneAfterAcceptance(
            [
                new InterestLine(10_000, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
                new InterestLine(2_000, new DateOnly(2024, 1, 1), Acceptance),
            ],
            Acceptance);
    }

    [Fact]
    public void A_line_accruing_after_acceptance_is_refused_naming_its_field()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => InterestCutoff.EnsureNoneAfterAcceptance(
            [
                new InterestLine(10_000, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)),
                new InterestLine(2_000, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 2)),
            ],
            Acceptance,
            "interestLines"));

        Assert.Equal(RuleViolation.Invalid, refusal.Kind);
        Assert.Equal("interestLines[1].to", refusal.Field);
        Assert.Contains("2024-03-01", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("EBL 46", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_and_backwards_lines_are_refused()
    {
        var negative = Assert.Throws<RuleViolationException>(() => InterestCutoff.EnsureNoneAfterAcceptance(
            [new InterestLine(-1, new DateOnly(2023, 1, 1), new DateOnly(2023, 2, 1))], Acceptance, "lines"));
        Assert.Equal("lines[0].amountFen", negative.Field);

        var backwards = Assert.Throws<RuleViolationException>(() => InterestCutoff.EnsureNoneAfterAcceptance(
            [new InterestLine(1, new DateOnly(2023, 2, 1), new DateOnly(2023, 1, 1))], Acceptance, "lines"));
        Assert.Equal("lines[0].to", backwards.Field);
    }

    [Fact]
    public void Interest_for_a_year_is_principal_times_rate()
    {
        // 1,000,000.00 yuan at 3.65% for 365 days: 36,500.00 yuan exactly.
        Assert.Equal(3_650_000_00L, InterestCutoff.SimpleInterestFen(100_000_000_00L, 365, new DateOnly(2021, 1, 1), new DateOnly(2022, 1, 1), Acceptance));
    }

    [Fact]
    public void Interest_stops_at_acceptance()
    {
        // The loan runs to 2024-12-31, but only 2024-01-01 .. 2024-03-01 (60 days, 2024 being a leap year) count:
        // 10,000.00 yuan × 3.65% × 60 / 365 = 60.00 yuan.
        var fen = InterestCutoff.SimpleInterestFen(1_000_000, 365, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Acceptance);
        Assert.Equal(6_000, fen);
        Assert.Equal(60, InterestCutoff.AccruingDays(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), Acceptance));
    }

    [Fact]
    public void A_period_starting_after_acceptance_earns_nothing()
    {
        Assert.Equal(0, InterestCutoff.SimpleInterestFen(1_000_000, 500, new DateOnly(2024, 4, 1), new DateOnly(2024, 5, 1), Acceptance));
        Assert.Equal(0, InterestCutoff.AccruingDays(Acceptance, new DateOnly(2024, 5, 1), Acceptance));
    }

    [Theory]
    // 1 fen × 1 bp × 1 day: 1 / 3,650,000 rounds to 0.
    [InlineData(1, 1, 1, 0)]
    // 73 fen × 10,000 bp (100%) × 25 days = 18,250,000 / 3,650,000 = 5 exactly.
    [InlineData(73, 10_000, 25, 5)]
    // 365 fen × 10,000 bp × 1 day / 3,650,000 = 1 exactly.
    [InlineData(365, 10_000, 1, 1)]
    // 1,825 fen × 10,000 × 1 / 3,650,000 = 5 exactly.
    [InlineData(1_825, 10_000, 1, 5)]
    // 5,475 × 1,000 × 1 / 3,650,000 = 1.5 fen: exactly half rounds up to 2.
    [InlineData(5_475, 1_000, 1, 2)]
    // 5,474 × 1,000 × 1 / 3,650,000 = 1.4997 fen: rounds down to 1.
    [InlineData(5_474, 1_000, 1, 1)]
    // 1,000,000.00 yuan at 4.35% for 1 day: 10,000,000,000 × 435 / 3,650,000 = 1,191,780.82 fen → 1,191,781.
    [InlineData(100_000_000_00L, 435, 1, 1_191_781)]
    public void Rounding_is_half_up_in_exact_integers(long principalFen, long rateBp, int days, long expected)
    {
        var from = new DateOnly(2023, 1, 1);
        Assert.Equal(expected, InterestCutoff.SimpleInterestFen(principalFen, rateBp, from, from.AddDays(days), Acceptance));
    }

    [Fact]
    public void Large_principals_do_not_overflow()
    {
        // 10^17 fen at 10% (1,000 bp) for 3,650 days is exactly the principal again; the numerator,
        // 10^17 × 1,000 × 3,650, would overflow 64-bit arithmetic.
        var from = new DateOnly(2010, 1, 1);
        var fen = InterestCutoff.SimpleInterestFen(100_000_000_000_000_000L, 1_000, from, from.AddDays(3_650), new DateOnly(2030, 1, 1));
        Assert.Equal(100_000_000_000_000_000L, fen);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Equal("principalFen", Assert.Throws<RuleViolationException>(() => InterestCutoff.SimpleInterestFen(-1, 1, Acceptance, Acceptance, Acceptance)).Field);
        Assert.Equal("rateBasisPointsPerYear", Assert.Throws<RuleViolationException>(() => InterestCutoff.SimpleInterestFen(1, -1, Acceptance, Acceptance, Acceptance)).Field);
        Assert.Equal("to", Assert.Throws<RuleViolationException>(() => InterestCutoff.SimpleInterestFen(1, 1, Acceptance, Acceptance.AddDays(-1), Acceptance)).Field);
    }
}
