using CaseGrains.Claims.Rules;
using CaseGrains.Runtime;

namespace CaseGrains.Claims.Tests.Rules;

public class TaxClaimSplitTests
{
    private static readonly DateOnly Acceptance = new(2024, 3, 1);

    [Fact]
    public void A_declaration_splits_into_priority_ordinary_and_subordinated_parts()
    {
        var result = TaxClaimSplit.Split(
            [
                new TaxClaimLine(TaxLineKind.TaxPrincipal, "增值税", "2023-11", 1_234_567),
                new TaxClaimLine(TaxLineKind.TaxPrincipal, "企业所得税", "2023", 5_000_000),
                new TaxClaimLine(TaxLineKind.Surcharge, "教育费附加", "2023-11", 37_037),
                new TaxClaimLine(TaxLineKind.LateFee, "增值税", "2023-11", 61_728, new DateOnly(2024, 2, 29)),
                new TaxClaimLine(TaxLineKind.LateFee, "企业所得税", "2023", 100_001, Acceptance),
                new TaxClaimLine(TaxLineKind.SpecialAdjustmentInterest, "企业所得税", "2021", 250_000, new DateOnly(2024, 1, 31)),
                new TaxClaimLine(TaxLineKind.Fine, "增值税", "2023-11", 500_000),
            ],
            Acceptance);

        Assert.Equal(1_234_567 + 5_000_000 + 37_037, result.PriorityFen);
        Assert.Equal(61_728 + 100_001 + 250_000, result.OrdinaryFen);
        Assert.Equal(500_000, result.SubordinatedFen);
        Assert.Equal(7_183_333, result.TotalFen);

        Assert.Equal(7, result.Lines.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], result.Lines.Select(l => l.Index));
        Assert.Equal(
            [ClaimClass.SocialInsuranceAndTax, ClaimClass.SocialInsuranceAndTax, ClaimClass.SocialInsuranceAndTax, ClaimClass.Ordinary, ClaimClass.Ordinary, ClaimClass.Ordinary, null],
            result.Lines.Select(l => l.Class));
        Assert.Equal(TaxLineRank.Subordinated, result.Lines[6].Rank);
        Assert.Contains("EBL 113 item (2)", result.Lines[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("ordinary claim", result.Lines[3].Explanation, StringComparison.Ordinal);
        Assert.Contains("art. 28", result.Lines[6].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_late_fee_dated_after_acceptance_is_refused_naming_the_line_field()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [
                new TaxClaimLine(TaxLineKind.TaxPrincipal, "增值税", "2023-11", 1_000_000),
                new TaxClaimLine(TaxLineKind.LateFee, "增值税", "2023-11", 50_000, Acceptance),
                new TaxClaimLine(TaxLineKind.LateFee, "增值税", "2023-12", 60_000, Acceptance.AddDays(1)),
            ],
            Acceptance));

        Assert.Equal(RuleViolation.Invalid, refusal.Kind);
        Assert.Equal("lines[2].accruedUntil", refusal.Field);
        Assert.Contains("late-payment fees stop at the acceptance date 2024-03-01", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("2024-03-02", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Special_adjustment_interest_after_acceptance_is_refused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [new TaxClaimLine(TaxLineKind.SpecialAdjustmentInterest, "企业所得税", "2021", 1, new DateOnly(2024, 6, 30))],
            Acceptance));
        Assert.Equal("lines[0].accruedUntil", refusal.Field);
        Assert.Contains("EBL 46", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Any_line_dated_after_acceptance_is_refused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [new TaxClaimLine(TaxLineKind.TaxPrincipal, "增值税", "2024-03", 1, new DateOnly(2024, 3, 31))],
            Acceptance));
        Assert.Equal("lines[0].accruedUntil", refusal.Field);
    }

    [Theory]
    [InlineData(TaxLineKind.LateFee)]
    [InlineData(TaxLineKind.SpecialAdjustmentInterest)]
    public void Accruing_lines_must_say_how_far_they_run(TaxLineKind kind)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [new TaxClaimLine(TaxLineKind.TaxPrincipal, "增值税", "2023-11", 1), new TaxClaimLine(kind, "增值税", "2023-11", 1)],
            Acceptance));
        Assert.Equal("lines[1].accruedUntil", refusal.Field);
    }

    [Fact]
    public void Negative_amounts_are_refused()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [new TaxClaimLine(TaxLineKind.TaxPrincipal, "增值税", "2023-11", -1)],
            Acceptance));
        Assert.Equal(RuleViolation.Invalid, refusal.Kind);
        Assert.Equal("lines[0].amountFen", refusal.Field);
    }

    [Fact]
    public void Empty_declarations_unnamed_taxes_and_unknown_kinds_are_refused()
    {
        Assert.Equal("lines", Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split([], Acceptance)).Field);
        Assert.Equal("lines[0].taxType", Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [new TaxClaimLine(TaxLineKind.TaxPrincipal, " ", "2023-11", 1)], Acceptance)).Field);
        Assert.Equal("lines[0].kind", Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [new TaxClaimLine((TaxLineKind)99, "增值税", "2023-11", 1)], Acceptance)).Field);
    }

    [Fact]
    public void A_total_too_large_for_fen_is_refused_not_wrapped()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => TaxClaimSplit.Split(
            [
                new TaxClaimLine(TaxLineKind.TaxPrincipal, "增值税", "2023-11", long.MaxValue),
                new TaxClaimLine(TaxLineKind.Fine, "增值税", "2023-11", 1),
            ],
            Acceptance));
        Assert.Equal("lines", refusal.Field);
    }

    [Fact]
    public void Zero_amount_lines_are_kept()
    {
        var result = TaxClaimSplit.Split([new TaxClaimLine(TaxLineKind.LateFee, "印花税", "2023", 0, Acceptance)], Acceptance);
        Assert.Equal(0, result.TotalFen);
        Assert.Single(result.Lines);
    }
}
