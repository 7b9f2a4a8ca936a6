using System.Text.Json.Nodes;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A signed-in person's write that the domain or the request's own form refuses (an exception the exception handler
/// turns into a problem) is in the audit trail once, with who made it and the status they got.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditRefusalTests(PostgresServer postgres)
{
    [Fact]
    public async Task Writes_refused_by_a_rule_or_a_malformed_body_are_audited_once_with_actor_and_status()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var @case = new CaseScenario(server, "audit-refused-1");
        await @case.OpenAsync();
        var claim = Assert.Single(await @case.CreditorsDeclareAndAreConfirmedAsync(1));
        var admin = @case.Administrator;

        // A confirmed claim cannot go back into review: the claim refuses it (a rule violation, 409).
        var restart = $"/api/cases/{@case.CaseId}/claims/{claim.ClaimId}/review-start";
        var (conflict, _) = await admin.Http.SendJson(HttpMethod.Post, restart, new { });
        Assert.Equal(409, conflict);
        // A body that is not JSON is refused while binding it (400).
        var declare = $"/api/cases/{@case.CaseId}/claims";
        var (malformed, _) = await admin.Http.SendRaw(HttpMethod.Post, declare, "{not json");
        Assert.Equal(400, malformed);

        var trail = await @case.Judge.Http.GetOk<List<JsonObject>>($"/api/audit?caseId={@case.CaseId}&actor={admin.Username}");

        var refusedRestart = Assert.Single(trail, r => (string?)r["path"] == restart && (int?)r["status"] == 409);
        Assert.Equal("POST", (string?)refusedRestart["method"]);
        Assert.Equal(@case.CaseId, (string?)refusedRestart["caseId"]);
        Assert.Null((string?)refusedRestart["detail"]);
        Assert.Single(trail, r => (string?)r["path"] == declare && (int?)r["status"] == 400);
    }
}
