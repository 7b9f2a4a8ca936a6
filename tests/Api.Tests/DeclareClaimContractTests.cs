using System.Text.Json.Nodes;
using CaseGrains.Claims;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Who declares a claim is the signed-in person, never a field of the request: the published contract has no such
/// field, and a client that still sends one is answered as before, its value ignored.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DeclareClaimContractTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_declaration_contract_has_no_declared_by_and_a_sent_one_changes_nothing()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = new CaseScenario(server, "declare-contract");
        await scenario.OpenAsync();
        var creditor = await scenario.InviteAsync(scenario.CreditorOf(1));

        var document = JsonNode.Parse(await server.Http.GetStringAsync("/openapi/v1.json"))!;
        var properties = document["components"]!["schemas"]!["DeclareClaimRequest"]!["properties"]!.AsObject();
        Assert.Contains("creditorId", properties.Select(p => p.Key));
        Assert.DoesNotContain("declaredBy", properties.Select(p => p.Key), StringComparer.OrdinalIgnoreCase);

        var claims = $"/api/cases/{scenario.CaseId}/claims";
        var (status, _) = await creditor.Http.SendRaw(HttpMethod.Post, claims,
            $$"""{"creditorId":"{{creditor.CreditorId}}","class":"ordinary","principalFen":100000,"declaredBy":"{{scenario.Administrator.Username}}"}""");
        Assert.Equal(201, status);
        var (byAdministrator, _) = await scenario.Administrator.Http.SendRaw(HttpMethod.Post, claims,
            $$"""{"creditorId":"{{scenario.CreditorOf(2)}}","class":"ordinary","principalFen":200000,"declaredBy":"{{scenario.CreditorOf(2)}}"}""");
        Assert.Equal(201, byAdministrator);

        var listed = await scenario.Judge.Http.GetOk<List<ClaimView>>(claims);
        Assert.Equal(creditor.CreditorId, listed.Single(c => c.CreditorId == creditor.CreditorId).DeclaredBy);
        var entered = listed.Single(c => c.CreditorId == scenario.CreditorOf(2));
        Assert.Equal(scenario.Administrator.Username, entered.DeclaredBy);
        Assert.Equal(ClaimOrigin.Proxy, entered.Origin);
    }
}
