using System.Net.Http.Headers;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.DepartmentClient;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>Every kind of claim fact is rebuilt from storage: after a restart the claims, their histories and the list are what they were.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimRestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Claims_histories_evidence_and_the_claim_list_survive_a_restart()
    {
        var database = await postgres.CreateDatabaseAsync();
        var caseId = "restart-case";
        var claims = $"/api/cases/{caseId}/claims";
        List<ClaimView> before;
        List<List<ClaimHistoryEntry>> historiesBefore;
        ClaimListView listBefore;
        CaseView caseBefore;
        Person administrator;
        await using (var server = await ServerHost.StartAsync(database))
        {
            var judge = await server.People.JudgeAsync("judge-restart", CaseScenario.DefaultCourt);
            administrator = await server.People.AdministratorAsync("admin-restart");
            var admin = administrator.Http;
            caseBefore = await judge.Http.PutOk<CaseView>($"/api/cases/{caseId}", new OpenCase("(2026)粤03破5号", CaseScenario.DefaultCourt, "深圳重启有限公司",
                "91440300MA5F00002D", Procedure.Liquidation, judge.Username, administrator.Username, new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31)));
            var tax = await new MachineScenario(server).RegisterAsync();
            using (var declared = await tax.Client().DeclareTaxClaimAsync(caseId, MachineScenario.Declaration(900_00, 80_00, reference: "R-9"), DepartmentApiClient.NewIdempotencyKey()))
                declared.EnsureSuccessStatusCode();
            // The administrator enters this one for the creditor (a proxy declaration).
            var a = await admin.PostOk<ClaimView>(claims, new DeclareClaimRequest("cr0001", ClaimClass.Ordinary, 1_000_00,
                InterestLines: [new InterestLine(12_00, new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 1))]));
            await admin.PostOk<ClaimView>($"{claims}/{a.ClaimId}/review-start", new { });
            await admin.PostOk<ClaimView>($"{claims}/{a.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
            var bureau = await server.People.CreditorAsync(administrator, caseId, "dept-tax-sz");
            await bureau.Http.PostOk<ClaimView>($"{claims}/{a.ClaimId}/objections", new ObjectionRequest("金额有误"));
            await judge.Http.PostOk<ClaimView>($"{claims}/{a.ClaimId}/ruling", new RulingRequest(600_00, "部分成立"));
            var first = await server.People.CreditorAsync(administrator, caseId, "cr0001");
            using var pdf = new ByteArrayContent("%PDF-1.4 restart"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            (await first.Http.PostAsync($"{claims}/{a.ClaimId}/evidence?fileName=a.pdf", pdf)).EnsureSuccessStatusCode();
            await admin.PostOk<ClaimView>($"/api/cases/{caseId}/employee-claims", new EmployeeClaimRequest("emp-1", 5_000_00, 0));
            await CaseAccountKit.PayRoundAsync(judge, administrator, caseId, final: false);
            var second = await server.People.CreditorAsync(administrator, caseId, "cr0002");
            var c = await second.Http.PostOk<ClaimView>(claims, new DeclareClaimRequest("cr0002", ClaimClass.Ordinary, 50_00));
            await second.Http.PostOk<ClaimView>($"{claims}/{c.ClaimId}/withdrawal", new WithdrawalRequest());

            before = await admin.GetOk<List<ClaimView>>(claims);
            historiesBefore = [];
            foreach (var claim in before) historiesBefore.Add(await admin.GetOk<List<ClaimHistoryEntry>>($"{claims}/{claim.ClaimId}/history"));
            listBefore = await admin.GetOk<ClaimListView>($"/api/cases/{caseId}/claim-list");
            caseBefore = await admin.GetOk<CaseView>($"/api/cases/{caseId}");
        }

        await using var again = await ServerHost.StartAsync(database);
        // The administrator's session outlives the restart.
        var http = administrator.On(again).Http;
        var after = await http.GetOk<List<ClaimView>>(claims);
        Assert.Equal(5, after.Count);
        Assert.Equal(Json(before), Json(after));
        for (var i = 0; i < after.Count; i++)
            Assert.Equal(Json(historiesBefore[i]), Json(await http.GetOk<List<ClaimHistoryEntry>>($"{claims}/{after[i].ClaimId}/history")));
        var listAfter = await http.GetOk<ClaimListView>($"/api/cases/{caseId}/claim-list");
        Assert.Equal(Json(listBefore with { AsOf = default }), Json(listAfter with { AsOf = default }));
        Assert.Equal(Json(caseBefore), Json(await http.GetOk<CaseView>($"/api/cases/{caseId}")));

        // The tax reference and the distribution round are remembered too.
        var key = await new MachineScenario(again).IssueKeyAsync();
        using var repeated = await new DepartmentApiClient(again.Http, key.KeyId, DepartmentApiClient.DecodeSecret(key.Secret))
            .DeclareTaxClaimAsync(caseId, MachineScenario.Declaration(900_00, reference: "R-9"), DepartmentApiClient.NewIdempotencyKey());
        Assert.Equal(System.Net.HttpStatusCode.Conflict, repeated.StatusCode);
        var third = await again.People.CreditorAsync(administrator.On(again), caseId, "cr0003");
        var late = await third.Http.PostOk<ClaimView>(claims, new DeclareClaimRequest("cr0003", ClaimClass.Ordinary, 10_00));
        Assert.Equal((true, 2), (late.Late, late.JoinsDistributionRound));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options);
}
