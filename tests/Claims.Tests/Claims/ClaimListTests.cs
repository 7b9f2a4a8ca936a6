namespace CaseGrains.Claims.Tests.Claims;

public class ClaimListTests
{
    private static ClaimView Claim(string id, ClaimClass @class, long declared, ClaimStatus status, long? confirmed = null, long secured = 0) =>
        new(id, "case", $"cr-{id}", @class, declared, 0, 0, secured, secured > 0 ? "plant" : null, status, confirmed, null, $"cr-{id}", DateTimeOffset.UnixEpoch, null, null);

    [Fact]
    public void Totals_by_class_separate_confirmed_undetermined_and_rejected_and_leave_withdrawn_claims_out()
    {
        var list = ClaimList.Build("case", "(2026)1号", "Debtor", DateTimeOffset.UnixEpoch,
        [
            Claim("a", ClaimClass.Ordinary, 1_000, ClaimStatus.Confirmed, 1_000, secured: 600),
            Claim("b", ClaimClass.Ordinary, 500, ClaimStatus.PartiallyConfirmed, 300, secured: 400),
            Claim("c", ClaimClass.Ordinary, 200, ClaimStatus.Rejected, 0),
            Claim("d", ClaimClass.Ordinary, 70, ClaimStatus.Disputed, 70),
            Claim("e", ClaimClass.Ordinary, 9_999, ClaimStatus.Withdrawn),
            Claim("f", ClaimClass.SocialInsuranceAndTax, 40, ClaimStatus.UnderReview),
            Claim("g", ClaimClass.Employee, 3, ClaimStatus.Confirmed, 3),
        ]);

        Assert.Equal(["a", "b", "c", "d", "f", "g"], list.Rows.Select(r => r.ClaimId));
        Assert.Equal([1, 2, 3, 4, 5, 6], list.Rows.Select(r => r.Number));
        Assert.Equal(
            [
                new ClaimClassTotal(ClaimClass.Employee, 1, 3, 3, 0, 0, 0),
                new ClaimClassTotal(ClaimClass.SocialInsuranceAndTax, 1, 40, 0, 40, 0, 0),
                new ClaimClassTotal(ClaimClass.Ordinary, 4, 1_770, 1_300, 70, 200, 900),
            ],
            list.Totals);
        Assert.Equal(new ClaimClassTotal(null, 6, 1_813, 1_303, 110, 200, 900), list.Overall);
    }
}
