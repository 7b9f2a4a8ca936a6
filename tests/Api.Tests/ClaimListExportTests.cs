using System.Text;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>The claim list (债权表) over HTTP: totals by class, confirmed against declared, and the CSV a spreadsheet opens.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimListExportTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_claim_list_totals_each_class_and_exports_as_csv_in_yuan()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = new CaseScenario(server, "list-case");
        await scenario.OpenAsync();
        var administrator = scenario.Administrator;
        var claims = $"/api/cases/{scenario.CaseId}/claims";
        async Task<ClaimView> Declare(int creditor, ClaimClass @class, long principal, long secured = 0, string? collateral = null)
        {
            var person = await scenario.InviteAsync(scenario.CreditorOf(creditor));
            return await person.Http.PostOk<ClaimView>(claims, new DeclareClaimRequest(person.CreditorId!, @class, principal, SecuredFen: secured, Collateral: collateral));
        }
        var a = await Declare(1, ClaimClass.Ordinary, 1_234_567_89, 1_000_000_00, "厂房, 一号楼");
        var b = await Declare(2, ClaimClass.Ordinary, 5_00);
        var c = await Declare(3, ClaimClass.SocialInsuranceAndTax, 99_99);
        var d = await Declare(4, ClaimClass.Ordinary, 77_00);
        await administrator.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/employee-claims",
            new EmployeeClaimRequest("emp-01", 10_000_00, 0, "=HYPERLINK(\"http://x\")"));
        await scenario.ConfirmAsync(a.ClaimId);
        await scenario.StartReviewAsync(b.ClaimId);
        await administrator.Http.PostOk<ClaimView>($"{claims}/{b.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Reject, 0, "无证据, \"不予确认\""));
        await scenario.Creditors[3].Http.PostOk<ClaimView>($"{claims}/{d.ClaimId}/withdrawal", new WithdrawalRequest());

        var list = await administrator.Http.GetOk<ClaimListView>($"/api/cases/{scenario.CaseId}/claim-list");

        Assert.Equal([a.ClaimId, b.ClaimId, c.ClaimId, $"{scenario.CaseId}-C00005"], list.Rows.Select(r => r.ClaimId));
        var ordinary = list.Totals.Single(t => t.Class == ClaimClass.Ordinary);
        Assert.Equal((2, 1_234_572_89L, 1_234_567_89L, 0L, 5_00L, 1_000_000_00L),
            (ordinary.Claims, ordinary.DeclaredFen, ordinary.ConfirmedFen, ordinary.UndeterminedFen, ordinary.RejectedFen, ordinary.SecuredConfirmedFen));
        var tax = list.Totals.Single(t => t.Class == ClaimClass.SocialInsuranceAndTax);
        Assert.Equal((1, 99_99L, 0L, 99_99L), (tax.Claims, tax.DeclaredFen, tax.ConfirmedFen, tax.UndeterminedFen));
        var employee = list.Totals.Single(t => t.Class == ClaimClass.Employee);
        Assert.Equal((1, 10_000_00L, 10_000_00L), (employee.Claims, employee.DeclaredFen, employee.ConfirmedFen));
        Assert.Equal((4, 1_244_672_88L, 1_244_567_89L, 99_99L), (list.Overall.Claims, list.Overall.DeclaredFen, list.Overall.ConfirmedFen, list.Overall.UndeterminedFen));

        using var response = await administrator.Http.GetAsync($"/api/cases/{scenario.CaseId}/claim-list.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal($"claim-list-{scenario.CaseId}.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("序号,债权编号,债权人,债权性质,申报方式,申报本金(元),申报利息(元),其他(元),申报总额(元),有财产担保(元),担保物,审查状态,确认金额(元),待定金额(元),逾期申报,可参与分配轮次,审查意见", lines[0]);
        Assert.Equal($"1,{a.ClaimId},{scenario.CreditorOf(1)},普通债权,债权人申报,1234567.89,0.00,0.00,1234567.89,1000000.00,\"厂房, 一号楼\",确认,1234567.89,0.00,否,1,", lines[1]);
        Assert.Equal($"2,{b.ClaimId},{scenario.CreditorOf(2)},普通债权,债权人申报,5.00,0.00,0.00,5.00,0.00,,不予确认,0.00,0.00,否,1,\"无证据, \"\"不予确认\"\"\"", lines[2]);
        Assert.Equal($"3,{c.ClaimId},{scenario.CreditorOf(3)},社保及税款债权,债权人申报,99.99,0.00,0.00,99.99,0.00,,已申报,0.00,99.99,否,1,", lines[3]);
        Assert.Equal($"4,{scenario.CaseId}-C00005,emp-01,职工债权,管理人列示,10000.00,0.00,0.00,10000.00,0.00,,确认,10000.00,0.00,否,1,\"'=HYPERLINK(\"\"http://x\"\")\"", lines[4]);
        Assert.Equal(",,职工债权合计,职工债权,1笔,,,,10000.00,,,,10000.00,0.00,,,", lines[5]);
        Assert.Equal(",,社保及税款债权合计,社保及税款债权,1笔,,,,99.99,,,,0.00,99.99,,,", lines[6]);
        Assert.Equal(",,普通债权合计,普通债权,2笔,,,,1234572.89,,,,1234567.89,0.00,,,", lines[7]);
        Assert.Equal(",,总计,,4笔,,,,1244672.88,,,,1244567.89,99.99,,,", lines[8]);
        Assert.Equal("", lines[9]);
        Assert.Equal(10, lines.Length);

        // The list is for the case's staff: the judge reads it too, a creditor does not.
        Assert.Equal(bytes, await scenario.Judge.Http.GetByteArrayAsync($"/api/cases/{scenario.CaseId}/claim-list.csv"));
        var (byCreditor, problem) = await scenario.Creditors[0].Http.SendRaw(HttpMethod.Get, $"/api/cases/{scenario.CaseId}/claim-list.csv", null);
        ProblemAssert.ByPolicy((byCreditor, problem));
    }
}
