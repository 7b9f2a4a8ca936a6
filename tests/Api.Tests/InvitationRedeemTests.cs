using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A creditor who has an account already (from case A) is invited into case B and redeems the code signed in:
/// the same checks as registration (known, unused, unexpired, made out to this creditor), the same joining.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class InvitationRedeemTests(PostgresServer postgres)
{
    private const string Redeem = "/api/auth/invitations";

    [Fact]
    public async Task A_registered_creditor_redeems_an_invitation_into_a_second_case_once()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var a = new CaseScenario(server, "redeem-a");
        await a.OpenAsync();
        var b = new CaseScenario(server, "redeem-b");
        await b.OpenAsync();
        var creditor = await a.InviteAsync(a.CreditorOf(1));
        Assert.Equal([a.CaseId], (await creditor.Http.GetOk<List<CaseView>>("/api/my/cases")).Select(c => c.CaseId));
        using (var outside = await creditor.Http.GetAsync($"/api/cases/{b.CaseId}")) Assert.Equal(403, (int)outside.StatusCode);

        ProblemAssert.Field(400, "code", await creditor.Http.SendJson(HttpMethod.Post, Redeem, new RedeemInvitationRequest("NOSUCHCODE")));
        ProblemAssert.Field(400, "code", await creditor.Http.SendJson(HttpMethod.Post, Redeem, new RedeemInvitationRequest(" ")));

        // An invitation made out to another creditor is refused and stays usable by that creditor.
        var forSomeoneElse = await b.Administrator.Http.PostOk<InvitationCreated>($"/api/cases/{b.CaseId}/invitations", new InviteRequest(b.CreditorOf(7)));
        ProblemAssert.Field(403, "code", await creditor.Http.SendJson(HttpMethod.Post, Redeem, new RedeemInvitationRequest(forSomeoneElse.Code)));
        await server.People.Anonymous.PostOk<AccountView>("/api/auth/register", new RegisterRequest(forSomeoneElse.Code, "redeem-b-seven", People.Password));

        // Staff are appointed to cases, never invited: redeeming is for creditor accounts only.
        var invitation = await b.Administrator.Http.PostOk<InvitationCreated>($"/api/cases/{b.CaseId}/invitations", new InviteRequest(creditor.CreditorId!));
        ProblemAssert.ByPolicy(await b.Administrator.Http.SendJson(HttpMethod.Post, Redeem, new RedeemInvitationRequest(invitation.Code)));

        var joined = await creditor.Http.PostOk<CaseView>(Redeem, new RedeemInvitationRequest(invitation.Code.ToLowerInvariant()));
        Assert.Equal(b.CaseId, joined.CaseId);
        Assert.Equal([a.CaseId, b.CaseId], (await creditor.Http.GetOk<List<CaseView>>("/api/my/cases")).Select(c => c.CaseId).Order(StringComparer.Ordinal));
        Assert.Equal(b.CaseId, (await creditor.Http.GetOk<CaseView>($"/api/cases/{b.CaseId}")).CaseId);
        // Joined as registration joins: the creditor takes part in case B and declares there.
        var claim = await creditor.Http.PostOk<ClaimView>($"/api/cases/{b.CaseId}/claims", new DeclareClaimRequest(creditor.CreditorId!, ClaimClass.Ordinary, 500_00));
        Assert.Contains(claim.ClaimId, (await b.Administrator.Http.GetOk<List<ClaimView>>($"/api/cases/{b.CaseId}/claims")).Select(c => c.ClaimId));
        Assert.Contains(a.CaseId, (await creditor.Http.GetOk<List<CaseView>>("/api/my/cases")).Select(c => c.CaseId));

        ProblemAssert.Field(400, "code", await creditor.Http.SendJson(HttpMethod.Post, Redeem, new RedeemInvitationRequest(invitation.Code)));
        ProblemAssert.Field(400, "code", await server.People.Anonymous.SendJson(HttpMethod.Post, "/api/auth/register",
            new RegisterRequest(invitation.Code, "redeem-late", People.Password)));
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_and_joins_nothing()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Security:InvitationLifetime"] = "01:00:00",
            ["Security:SessionIdle"] = "1.00:00:00",
        }, clock);
        var a = new CaseScenario(server, "expiry-a");
        await a.OpenAsync();
        var b = new CaseScenario(server, "expiry-b");
        await b.OpenAsync();
        var creditor = await a.InviteAsync(a.CreditorOf(1));
        var invitation = await b.Administrator.Http.PostOk<InvitationCreated>($"/api/cases/{b.CaseId}/invitations", new InviteRequest(creditor.CreditorId!));

        clock.Advance(TimeSpan.FromHours(2));
        ProblemAssert.Field(400, "code", await creditor.Http.SendJson(HttpMethod.Post, Redeem, new RedeemInvitationRequest(invitation.Code)));
        Assert.Equal([a.CaseId], (await creditor.Http.GetOk<List<CaseView>>("/api/my/cases")).Select(c => c.CaseId));
    }
}
