using System.Text;
using System.Text.Json.Nodes;
using CaseGrains.Creditors;
using CaseGrains.Meetings;
using CaseGrains.Testing;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Every write endpoint, called by someone allowed to, with a malformed body, an oversized body and each field of the
/// wrong type: a problem document every time, no stack trace, and not one stored row changed.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputEveryEndpointTests(PostgresServer postgres)
{
    [Fact]
    public async Task Malformed_oversized_and_wrongly_typed_bodies_are_refused_and_change_nothing()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database);
        var cases = await TwoCases.CreateAsync(server);
        var people = new Dictionary<string, Person>
        {
            [EndpointTable.Platform] = cases.PlatformAdmin, [EndpointTable.JudgeA] = cases.A.Judge, [EndpointTable.AdminA] = cases.A.Administrator,
            [EndpointTable.CreditorA] = cases.A.Creditors[0],
        };
        var before = await FingerprintAsync(database);
        var wrong = new List<string>();

        // Machine endpoints refuse anything unsigned first; their bad input is tested signed, in MachineApi*Tests.
        foreach (var (operation, (allowed, body)) in EndpointTable.Http.Where(e => !e.Key.StartsWith("GET", StringComparison.Ordinal) && e.Value.Body is not null
                     && !e.Key.Contains(" /machine/", StringComparison.Ordinal)))
        {
            var parts = operation.Split(' ', 2);
            var url = RoleMatrixTests.Fill(parts[1], cases) + (operation.EndsWith("/evidence", StringComparison.Ordinal) ? "?fileName=evidence.pdf" : "");
            var caller = allowed.Select(r => people.GetValueOrDefault(r)).FirstOrDefault(p => p is not null)?.Http ?? server.People.Anonymous;

            var sample = body!;
            var attempts = new List<(string What, string Json, int Expected)>
            {
                ("malformed", sample[..(sample.Length / 2)], 400),
                ("not an object", "[1, 2, 3]", 400),
            };
            // Evidence files take up to 10 MiB (tested in ClaimEvidenceTests); every other body is held to 1 MiB.
            if (!operation.EndsWith("/evidence", StringComparison.Ordinal))
                attempts.Add(("oversized", "{\"x\":\"" + new string('a', 1_100_000) + "\"}", 413));
            foreach (var (name, value) in JsonNode.Parse(sample)!.AsObject())
            {
                var flipped = JsonNode.Parse(sample)!.AsObject();
                flipped[name] = value is JsonValue v && v.TryGetValue<string>(out _) ? JsonValue.Create(12345) : JsonValue.Create("not-a-number");
                if (value is JsonObject or JsonArray) flipped[name] = "not-an-object";
                if (value is null) flipped[name] = true;
                attempts.Add(($"{name} of the wrong type", flipped.ToJsonString(), 400));
            }

            foreach (var (what, json, expected) in attempts)
            {
                var (status, problem) = await caller.SendRaw(new HttpMethod(parts[0]), url, json);
                var text = problem?.ToJsonString() ?? "";
                if (status != expected || problem is null || text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal))
                    wrong.Add($"{operation} with {what}: {status} {text[..Math.Min(200, text.Length)]}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Equal(before, await FingerprintAsync(database));
    }

    [Fact]
    public async Task Script_and_SQL_in_names_are_kept_as_plain_text()
    {
        const string Hostile = "<script>alert('x')</script>'; drop table grain; --";
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database);
        var cases = await TwoCases.CreateAsync(server);
        var creditor = cases.A.Creditors[0];

        var saved = await creditor.Http.PutOk<CreditorView>($"/api/creditors/{creditor.CreditorId}",
            new CreditorProfile(Hostile, CreditorKind.Person, "11010519491231002X", null));
        var meeting = await cases.A.Administrator.Http.PutOk<MeetingView>($"/api/cases/{cases.A.CaseId}/meetings/{cases.A.CaseId}-m2",
            new CaseGrains.WebFront.Api.ScheduleMeetingRequest(Hostile, DateTimeOffset.UtcNow, [new ResolutionDraft("r1", Hostile, CaseGrains.Meetings.Voting.ResolutionKind.Ordinary)]));

        Assert.Equal(Hostile, saved.Name);
        Assert.Equal(Hostile, (await creditor.Http.GetOk<CreditorView>($"/api/creditors/{creditor.CreditorId}")).Name);
        Assert.Equal(Hostile, meeting.Title);
        Assert.Equal(Hostile, meeting.Resolutions[0].Title);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var check = new NpgsqlCommand("select count(*) from grain", connection);
        Assert.True((long)(await check.ExecuteScalarAsync())! > 0);
    }

    [Fact]
    public async Task Duplicate_submissions_are_refused_and_keep_the_first()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var cases = await TwoCases.CreateAsync(server);
        var a = cases.A;

        var reopen = await a.Judge.Http.SendJson(HttpMethod.Put, $"/api/cases/{a.CaseId}", new CaseGrains.Cases.OpenCase("other", CaseScenario.DefaultCourt, "other",
            "91350100M000100Y43", CaseGrains.Cases.Procedure.Settlement, a.Judge.Username, a.Administrator.Username, new DateOnly(2026, 1, 1)));
        Assert.Equal(409, reopen.Status);
        var review = await a.Administrator.Http.SendJson(HttpMethod.Post, $"/api/cases/{a.CaseId}/claims/{cases.ClaimOfA}/review",
            new CaseGrains.WebFront.Api.ReviewClaimRequest(CaseGrains.Claims.ClaimDecision.Reject, 0, "changed my mind"));
        Assert.Equal(409, review.Status);
        var reschedule = await a.Administrator.Http.SendJson(HttpMethod.Put, $"/api/cases/{a.CaseId}/meetings/{a.MeetingId}",
            new CaseGrains.WebFront.Api.ScheduleMeetingRequest("again", DateTimeOffset.UtcNow, [new ResolutionDraft("r1", "again", CaseGrains.Meetings.Voting.ResolutionKind.Ordinary)]));
        Assert.Equal(409, reschedule.Status);
        var invitation = await a.Administrator.Http.PostOk<CaseGrains.WebFront.Api.InvitationCreated>($"/api/cases/{a.CaseId}/invitations",
            new CaseGrains.WebFront.Api.InviteRequest("twice"));
        await server.People.Anonymous.PostOk<CaseGrains.Accounts.AccountView>("/api/auth/register",
            new CaseGrains.WebFront.Api.RegisterRequest(invitation.Code, "first-user", People.Password));
        var second = await server.People.Anonymous.SendJson(HttpMethod.Post, "/api/auth/register",
            new CaseGrains.WebFront.Api.RegisterRequest(invitation.Code, "second-user", People.Password));
        ProblemAssert.Field(400, "code", second);

        var claim = (await a.Judge.Http.GetOk<List<CaseGrains.Claims.ClaimView>>($"/api/cases/{a.CaseId}/claims")).Single(c => c.ClaimId == cases.ClaimOfA);
        Assert.Equal(CaseGrains.Claims.ClaimStatus.Confirmed, claim.Status);
        Assert.Equal("第一次债权人会议", (await a.Judge.Http.GetOk<MeetingView>($"/api/meetings/{a.MeetingId}")).Title);
    }

    /// <summary>Every stored grain fact and state version: a refused request must leave all of it as it was.</summary>
    private static async Task<string> FingerprintAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select (select count(*) from grain_fact)::text || '/' || (select coalesce(sum(version), 0) from grain)::text || '/' ||
                   (select count(*) from ledger_entry)::text
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
