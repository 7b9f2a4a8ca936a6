using CaseGrains.CaseAccounts;
using CaseGrains.Runtime;

namespace CaseGrains.Claims.Tests.CaseAccounts;

public class CaseAccountRulesTests
{
    private static readonly AccountLimits Limits = new(100, 500, 1_000);

    [Fact]
    public void Account_numbers_lose_the_spaces_and_dashes_they_are_grouped_with() =>
        Assert.Equal("6222021234567890123", CaseAccountRules.AccountNumber(" 6222 0212-3456 7890 123 ", "accountNumber"));

    [Theory]
    [InlineData("12345")]
    [InlineData("6222021234567890123456789012345678901")]
    [InlineData("6222 0212 3456 789!")]
    [InlineData("   ")]
    public void A_malformed_account_number_is_refused_naming_the_field(string number)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => CaseAccountRules.AccountNumber(number, "payee.accountNumber"));
        Assert.Equal(("payee.accountNumber", RuleViolation.Invalid), (refusal.Field, refusal.Kind));
    }

    public static TheoryData<OpenCaseAccount, string> BadOpenings => new()
    {
        { new OpenCaseAccount("j", "", "7559123456", "招商银行", Limits), "accountName" },
        { new OpenCaseAccount("j", "管理人账户", "75", "招商银行", Limits), "accountNumber" },
        { new OpenCaseAccount("j", "管理人账户", "7559123456", " ", Limits), "bankName" },
        { new OpenCaseAccount("j", "管理人账户", "7559123456", "招商银行", Limits with { PerTransferFen = -1 }), "limits.perTransferFen" },
        { new OpenCaseAccount("j", "管理人账户", "7559123456", "招商银行", Limits with { PerDayFen = CaseAccountRules.MaxBalanceFen + 1 }), "limits.perDayFen" },
        { new OpenCaseAccount("j", "管理人账户", "7559123456", "招商银行", Limits with { CumulativeFen = -5 }), "limits.cumulativeFen" },
    };

    [Theory]
    [MemberData(nameof(BadOpenings))]
    public void A_bad_opening_names_its_field(OpenCaseAccount command, string field) =>
        Assert.Equal(field, Assert.Throws<RuleViolationException>(() => CaseAccountRules.ValidateOpening(command)).Field);

    public static TheoryData<PayDistribution, string> BadDistributions => new()
    {
        { new PayDistribution("a", 0, "p", ClaimClass.Ordinary), "totalFen" },
        { new PayDistribution("a", 1, "", ClaimClass.Ordinary), "purpose" },
        { new PayDistribution("a", 1, "p"), "class" },
        { new PayDistribution("a", 1, "p", ClaimClass.Ordinary, [new DistributionShare("cr1", 1)]), "class" },
        { new PayDistribution("a", 1, "p", (ClaimClass)9), "class" },
        { new PayDistribution("a", 1, "p", null, []), "shares" },
        { new PayDistribution("a", 1, "p", null, [new DistributionShare("cr1", 1), new DistributionShare("cr1", 2)]), "shares[1].payeeId" },
        { new PayDistribution("a", 1, "p", null, [new DistributionShare("cr 1", 1)]), "shares[0].payeeId" },
        { new PayDistribution("a", 1, "p", null, [new DistributionShare("cr1", 0)]), "shares[0].weightFen" },
    };

    [Theory]
    [MemberData(nameof(BadDistributions))]
    public void A_bad_distribution_names_its_field(PayDistribution command, string field) =>
        Assert.Equal(field, Assert.Throws<RuleViolationException>(() => CaseAccountRules.ValidateDistribution(command)).Field);
}
