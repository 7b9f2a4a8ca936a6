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
        List<ClaimView> before;
        List<List<ClaimHistoryEntry>> historiesBefore;
        ClaimListView listBefore;
        CaseView caseBefore;
        await using (var server = await ServerHost.StartAsync(database))
        {
            var http = server.Http;
            caseBefore = await http.PutOk<CaseView>($"/api/cases/{caseId}", new OpenCase("(2026)粤03破5号", "深圳市中级人民法院", "深圳重启有限公司",
                "91440300MA5F00002D", Procedure.Liquidation, CaseScenario.Judge, CaseScenario.Administrator, new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 31)));
            var scenario = new CaseScenario(http, caseId);
            var claims = $"/api/cases/{caseId}/claims";
            var tax = await new MachineScenario(server).RegisterAsync();
            using (var declared = await tax.Client().DeclareTaxClaimAsync(caseId, MachineScenario.Declaration(900_00, 80_00, reference: "R-9"), DepartmentApiClient.NewIdempotencyKey()))
                declared.EnsureSuccessStatusCode();
            var a = await http.PostOk<ClaimView>(claims, new DeclareClaimRequest("cr0001", ClaimClass.Ordinary, 1_000_00,
                InterestLines: [new InterestLine(12_00, new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 1))], DeclaredBy: "proxy-1"));
            await scenario.ConfirmAsync(a.ClaimId);
            await http.PostOk<ClaimView>($"{claims}/{a.ClaimId}/objections", new ObjectionRequest("dept-tax-sz", "金额有误"));
            await http.PostOk<ClaimView>($"{claims}/{a.ClaimId}/ruling", new RulingRequest(CaseScenario.Judge, 600_00, "部分成立"));
            using var pdf = new ByteArrayContent("%PDF-1.4 restart"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            (await http.PostAsync($"{claims}/{a.ClaimId}/evidence?fileName=a.pdf&uploadedBy=cr0001", pdf)).EnsureSuccessStatusCode();
            await http.PostOk<ClaimView>($"/api/cases/{caseId}/employee-claims", new ListEmployeeClaim("emp-1", 5_000_00, 0, CaseScenario.Administrator));
            await http.PostOk<CaseView>($"/api/cases/{caseId}/distribution-rounds", new RecordDistribution(CaseScenario.Administrator, false));
            var c = await http.PostOk<ClaimView>(claims, new DeclareClaimRequest("cr0002", ClaimClass.Ordinary, 50_00));
            await http.PostOk<ClaimView>($"{claims}/{c.ClaimId}/withdrawal", new WithdrawalRequest("cr0002"));

            before = await http.GetOk<List<ClaimView>>(claims);
            historiesBefore = [];
            foreach (var claim in before) historiesBefore.Add(await http.GetOk<List<ClaimHistoryEntry>>($"{claims}/{claim.ClaimId}/history"));
            listBefore = await http.GetOk<ClaimListView>($"/api/cases/{caseId}/claim-list");
            caseBefore = await http.GetOk<CaseView>($"/api/cases/{caseId}");
        }

        await using var again = await ServerHost.StartAsync(database);
        var after = await again.Http.GetOk<List<ClaimView>>($"/api/cases/{caseId}/claims");
        Assert.Equal(5, after.Count);
        Assert.Equal(Json(before), Json(after));
        for (var i = 0; i < after.Count; i++)
            Assert.Equal(Json(historiesBefore[i]), Json(await again.Http.GetOk<List<ClaimHistoryEntry>>($"/api/cases/{caseId}/claims/{after[i].ClaimId}/history")));
        var listAfter = await again.Http.GetOk<ClaimListView>($"/api/cases/{caseId}/claim-list");
        Assert.Equal(Json(listBefore with { AsOf = default }), Json(listAfter with { AsOf = default }));
        Assert.Equal(Json(caseBefore), Json(await again.Http.GetOk<CaseView>($"/api/cases/{caseId}")));

        // The tax reference and the distribution round are remembered too.
        var key = await new MachineScenario(again).IssueKeyAsync();
        using var repeated = await new DepartmentApiClient(again.Http, key.KeyId, DepartmentApiClient.DecodeSecret(key.Secret))
            .DeclareTaxClaimAsync(caseId, MachineScenario.Declaration(900_00, reference: "R-9"), DepartmentApiClient.NewIdempotencyKey());
        Assert.Equal(System.Net.HttpStatusCode.Conflict, repeated.StatusCode);
        var late = await again.Http.PostOk<ClaimView>($"/api/cases/{caseId}/claims", new DeclareClaimRequest("cr0003", ClaimClass.Ordinary, 10_00));
        Assert.Equal((true, 2), (late.Late, late.JoinsDistributionRound));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options);
}
