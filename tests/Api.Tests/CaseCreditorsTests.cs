using System.Net;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Creditors;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>The administrator's list of a case's creditors: invited ones and those only named on a claim, with their sums.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseCreditorsTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseScenario scenario = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "roster-case");
        await scenario.OpenAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_list_shows_invited_creditors_and_those_named_on_claims_with_masked_profiles_and_exact_sums_a_page_at_a_time()
    {
        await scenario.CreditorsDeclareAndAreConfirmedAsync(2);
        var zhang = scenario.Creditors[0];
        await zhang.Http.PutOk<CreditorView>($"/api/creditors/{zhang.CreditorId}", new CreditorProfile("张三", CreditorKind.Person, "11010519491231002X", null));
        var second = await zhang.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims", new DeclareClaimRequest(zhang.CreditorId!, ClaimClass.Ordinary, 5_000_01));
        await scenario.InviteAsync(scenario.CreditorOf(7));
        // Declared by the administrator for a creditor who was never invited (a paper declaration).
        await scenario.Administrator.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims", new DeclareClaimRequest("paper-creditor", ClaimClass.Ordinary, 3_00));

        var page = await scenario.Administrator.Http.GetOk<CaseCreditorPage>($"/api/cases/{scenario.CaseId}/creditors");

        Assert.Equal(4, page.Total);
        Assert.Null(page.Next);
        Assert.Equal(["paper-creditor", scenario.CreditorOf(0), scenario.CreditorOf(1), scenario.CreditorOf(7)], page.Items.Select(c => c.CreditorId));
        var first = page.Items[1];
        Assert.Equal((true, 2, CaseScenario.ClaimOf(0) + second.DeclaredFen, CaseScenario.ClaimOf(0)), (first.Invited, first.Claims, first.DeclaredFen, first.ConfirmedFen));
        Assert.Equal(("张三", "110***********002X"), (first.Profile!.Name, first.Profile.MaskedIdentityNumber));
        Assert.Equal((true, 0, 0L), (page.Items[3].Invited, page.Items[3].Claims, page.Items[3].DeclaredFen));
        Assert.Equal((false, 1, 3_00L, 0L), (page.Items[0].Invited, page.Items[0].Claims, page.Items[0].DeclaredFen, page.Items[0].ConfirmedFen));

        var paged = await scenario.Judge.Http.GetOk<CaseCreditorPage>($"/api/cases/{scenario.CaseId}/creditors?offset=1&limit=2");
        Assert.Equal([scenario.CreditorOf(0), scenario.CreditorOf(1)], paged.Items.Select(c => c.CreditorId));
        Assert.Equal(3, paged.Next);
        var (status, problem) = await scenario.Judge.Http.SendRaw(HttpMethod.Get, $"/api/cases/{scenario.CaseId}/creditors?limit=0", null);
        ProblemAssert.Field((int)HttpStatusCode.BadRequest, "limit", (status, problem));
    }
}
