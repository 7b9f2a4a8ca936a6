using System.Text.Json.Nodes;
using CaseGrains.Ledger;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A waiver of priority is recorded under whoever entered it: the creditor in person, or the administrator who
/// entered the creditor's signed waiver, then with that document's SHA-256 in the ledger.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingPriorityWaiverTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_ledger_names_who_entered_a_waiver_and_the_document_the_administrator_acted_on()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "waiver-2026");
        var bank = await scenario.DeclareAsync("cr-bank", 3_000_000, securedFen: 3_000_000);
        var trust = await scenario.DeclareAsync("cr-trust", 2_000_000, securedFen: 1_000_000);
        await scenario.SignInCreditorsAsync(["cr-bank", "cr-trust"]);
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan));
        var waivers = $"{scenario.Meeting}/priority-waivers";
        var signed = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("抵押权人放弃优先受偿权声明"u8));

        // The administrator enters the bank's signed waiver: without the document's hash, or with a malformed one, nothing is recorded.
        ProblemAssert.Field(400, "documentSha256", await scenario.Administrator.Http.SendJson(HttpMethod.Post, waivers,
            new PriorityWaiverRequest(bank.ClaimId, "cr-bank")));
        ProblemAssert.Field(400, "documentSha256", await scenario.Administrator.Http.SendJson(HttpMethod.Post, waivers,
            new PriorityWaiverRequest(bank.ClaimId, "cr-bank", "not-a-hash")));
        Assert.Empty(await WaiversAsync(scenario));
        await MeetingScenario.PostAsync(scenario.Administrator, waivers, new PriorityWaiverRequest(bank.ClaimId, "cr-bank", signed));
        // The trust company waives in person.
        await MeetingScenario.PostAsync(scenario.Creditor("cr-trust"), waivers, new PriorityWaiverRequest(trust.ClaimId, "cr-trust"));

        var recorded = await WaiversAsync(scenario);
        Assert.Equal(2, recorded.Count);
        var entered = recorded.Single(w => (string?)w.Data["claimId"] == bank.ClaimId);
        Assert.Equal(scenario.Administrator.Username, entered.Actor);
        Assert.Equal(signed.ToLowerInvariant(), (string?)entered.Data["documentSha256"]);
        Assert.Equal("cr-bank", (string?)entered.Data["creditorId"]);
        var inPerson = recorded.Single(w => (string?)w.Data["claimId"] == trust.ClaimId);
        Assert.Equal("cr-trust", inPerson.Actor);
        Assert.Null(inPerson.Data["documentSha256"]);

        // Both waivers count: the claims vote in full as unsecured on the distribution plan (EBL 59(3)).
        await scenario.OpenAsync("r1");
        Assert.Equal(3_000_000 + 2_000_000, (await scenario.TallyAsync("r1")).UnsecuredDenominatorFen);
    }

    private static async Task<List<(string Actor, JsonObject Data)>> WaiversAsync(MeetingScenario scenario)
    {
        var found = new List<(string, JsonObject)>();
        long? start = 0;
        while (start is { } from)
        {
            var page = await scenario.Judge.Http.GetOk<LedgerEntriesPage>($"/api/cases/{scenario.CaseId}/ledger/entries?start={from}&count=1000");
            foreach (var e in page.Entries.Where(e => e.Kind == "meeting.priority-waived"))
                found.Add((e.Actor, JsonNode.Parse(Convert.FromBase64String(e.Entry))!["data"]!.AsObject()));
            start = page.Next;
        }
        return found;
    }
}
