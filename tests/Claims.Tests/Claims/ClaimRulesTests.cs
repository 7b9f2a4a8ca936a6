using CaseGrains.Runtime;

namespace CaseGrains.Claims.Tests.Claims;

public class ClaimRulesTests
{
    private static readonly DateOnly Acceptance = new(2026, 3, 1);

    private static DeclareClaim Declaration(long principal = 100_00, long interest = 0, IReadOnlyList<InterestLine>? lines = null,
        ClaimClass @class = ClaimClass.Ordinary, long secured = 0, string? collateral = null) =>
        new("cr1", @class, principal, interest, 0, secured, collateral, "cr1", lines);

    [Fact]
    public void Interest_is_the_sum_of_its_lines_when_each_ends_by_the_acceptance_date()
    {
        var settled = ClaimRules.ValidateDeclaration(Declaration(lines:
        [
            new InterestLine(3_00, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)),
            new InterestLine(4_50, new DateOnly(2025, 6, 30), Acceptance),
        ]), Acceptance);

        Assert.Equal(7_50, settled.InterestFen);
    }

    [Fact]
    public void A_line_running_past_acceptance_is_refused_by_its_index()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimRules.ValidateDeclaration(Declaration(lines:
        [
            new InterestLine(3_00, new DateOnly(2025, 1, 1), Acceptance),
            new InterestLine(1_00, Acceptance, Acceptance.AddDays(1)),
        ]), Acceptance));

        Assert.Equal("interestLines[1].to", refusal.Field);
        Assert.Contains("2026-03-01", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5_00, false, "interestLines")]
    [InlineData(5_00, true, "interestFen")]
    public void Interest_without_lines_or_not_matching_them_is_refused(long interestFen, bool withLines, string field)
    {
        IReadOnlyList<InterestLine>? lines = withLines ? [new InterestLine(4_00, new DateOnly(2025, 1, 1), Acceptance)] : null;

        var refusal = Assert.Throws<RuleViolationException>(() => ClaimRules.ValidateDeclaration(Declaration(interest: interestFen, lines: lines), Acceptance));

        Assert.Equal(field, refusal.Field);
    }

    [Theory]
    [InlineData(ClaimClass.Employee, 100_00, 0, null, "class")]
    [InlineData(ClaimClass.Ordinary, 0, 0, null, "principalFen")]
    [InlineData(ClaimClass.Ordinary, 100_00, 100_01, "厂房", "securedFen")]
    [InlineData(ClaimClass.Ordinary, 100_00, 50_00, null, "collateral")]
    [InlineData(ClaimClass.Ordinary, -1, 0, null, "principalFen")]
    public void Declarations_that_cannot_be_a_claim_are_refused(ClaimClass @class, long principal, long secured, string? collateral, string field)
    {
        var refusal = Assert.Throws<RuleViolationException>(() =>
            ClaimRules.ValidateDeclaration(Declaration(principal, @class: @class, secured: secured, collateral: collateral), Acceptance));

        Assert.Equal(field, refusal.Field);
    }

    [Theory]
    [InlineData(ClaimDecision.Confirm, 0, "", 1_000_00)]
    [InlineData(ClaimDecision.PartiallyConfirm, 400_00, "差额无证据", 400_00)]
    [InlineData(ClaimDecision.Reject, 999_00, "不成立", 0)]
    public void A_review_settles_the_confirmed_amount(ClaimDecision decision, long asked, string reason, long confirmed)
    {
        var claim = new ClaimView("c1", "case", "cr1", ClaimClass.Ordinary, 1_000_00, 0, 0, 0, null, ClaimStatus.UnderReview, null, null, "cr1",
            DateTimeOffset.UnixEpoch, null, null);

        Assert.Equal(confirmed, ClaimRules.ValidateReview(claim, new ReviewClaim("c1", decision, asked, reason, "admin")).ConfirmedFen);
    }
}
