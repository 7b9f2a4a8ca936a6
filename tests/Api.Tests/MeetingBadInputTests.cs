using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Ballots that may not count are refused with a problem document naming the field, and nothing is recorded:
/// the stored rows and the tally stay as they were.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingBadInputTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private MeetingScenario scenario = null!;

    private string Distribution => $"{scenario.Meeting}/resolutions/r1";
    private string Ordinary => $"{scenario.Meeting}/resolutions/r2";

    public async Task InitializeAsync()
    {
        scenario = await MeetingScenario.StartAsync(postgres, "bad-ballots");
        await scenario.DeclareCreditorsAsync(3);
        await scenario.DeclareAsync("cr-secured", 5_000_000, securedFen: 5_000_000);
        await scenario.DeclareAsync("cr-pending", 800_000, confirm: false);
        await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan),
            new ResolutionDraft("r2", "财产管理方案", ResolutionKind.PropertyManagementPlan));
        await scenario.Http.PostOk<ProxyView>($"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-a", [CaseScenario.CreditorOf(0)], Hash, MeetingScenario.Administrator, ["r2"]));
        await scenario.OpenAsync("r1");
        await scenario.OpenAsync("r2");
        await scenario.VoteAsync("r1", CaseScenario.CreditorOf(0), VoteChoice.For);
    }

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    [Fact]
    public async Task Ballots_of_those_without_a_vote_are_refused_with_the_reason()
    {
        ProblemAssert.Field(403, "creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest("cr-stranger", VoteChoice.For)));
        var secured = ProblemAssert.Field(403, "creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest("cr-secured", VoteChoice.Against)));
        Assert.Contains("59(3)", secured, StringComparison.Ordinal);
        var pending = ProblemAssert.Field(403, "creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest("cr-pending", VoteChoice.Against)));
        Assert.Contains("59(2)", pending, StringComparison.Ordinal);

        await AssertNothingRecorded();
        // The secured creditor still votes by head on an ordinary matter (EBL 59(3) takes only the two named matters from it).
        await scenario.VoteAsync("r2", "cr-secured", VoteChoice.Against);
    }

    [Fact]
    public async Task Ballots_on_unknown_or_closed_resolutions_and_malformed_choices_are_refused()
    {
        ProblemAssert.Field(404, "resolutionId", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r9/ballots",
            new BallotRequest(CaseScenario.CreditorOf(1), VoteChoice.For)));
        ProblemAssert.Field(400, "choice", await scenario.Http.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            "{\"creditorId\":\"cr0001\",\"choice\":\"maybe\"}"));
        ProblemAssert.Field(400, "choice", await scenario.Http.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            "{\"creditorId\":\"cr0001\",\"choice\":1}"));
        ProblemAssert.Field(400, "choice", await scenario.Http.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            "{\"creditorId\":\"cr0001\"}"));
        ProblemAssert.Field(400, "creditorId", await scenario.Http.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            "{\"creditorId\":\"cr 0001; drop\",\"choice\":\"for\"}"));
        await AssertNothingRecorded();

        await scenario.CloseAsync("r1");
        ProblemAssert.Field(409, "resolutionId", await scenario.Http.SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest(CaseScenario.CreditorOf(1), VoteChoice.For)));
        ProblemAssert.Field(409, "resolutionId", await scenario.Http.SendJson(HttpMethod.Post, $"{Distribution}/paper-ballots",
            new PaperBallotRequest(CaseScenario.CreditorOf(1), VoteChoice.For, Hash, MeetingScenario.Administrator)));
        await AssertNothingRecorded();
    }

    [Fact]
    public async Task A_proxy_without_authority_is_refused_and_none_of_its_batch_is_recorded()
    {
        // No power of attorney at all.
        ProblemAssert.Field(403, "representativeId", await scenario.Http.SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest("rep-x", [new ProxyBallot(CaseScenario.CreditorOf(0), VoteChoice.For)])));
        // A principal it does not represent, after one it does: the whole batch is refused.
        var other = ProblemAssert.Field(403, "ballots[1].creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest("rep-a", [new ProxyBallot(CaseScenario.CreditorOf(0), VoteChoice.For), new ProxyBallot(CaseScenario.CreditorOf(1), VoteChoice.For)])));
        Assert.Contains(CaseScenario.CreditorOf(1), other, StringComparison.Ordinal);
        // Its principal, but on a resolution outside the power of attorney.
        ProblemAssert.Field(403, "ballots[0].creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{Distribution}/proxy-ballots",
            new ProxyBallotsRequest("rep-a", [new ProxyBallot(CaseScenario.CreditorOf(0), VoteChoice.Against)])));
        ProblemAssert.Field(400, "ballots[0].choice", await scenario.Http.SendRaw(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            "{\"representativeId\":\"rep-a\",\"ballots\":[{\"creditorId\":\"cr0000\",\"choice\":\"yes\"}]}"));
        ProblemAssert.Field(400, "ballots", await scenario.Http.SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest("rep-a", [])));
        ProblemAssert.Field(400, "ballots[1].creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest("rep-a", [new ProxyBallot(CaseScenario.CreditorOf(0), VoteChoice.For), new ProxyBallot(CaseScenario.CreditorOf(0), VoteChoice.Against)])));
        await AssertNothingRecorded();
    }

    [Fact]
    public async Task Paper_ballots_and_powers_of_attorney_need_the_administrator_and_a_sha256()
    {
        ProblemAssert.Field(400, "scanSha256", await scenario.Http.SendJson(HttpMethod.Post, $"{Ordinary}/paper-ballots",
            new PaperBallotRequest(CaseScenario.CreditorOf(2), VoteChoice.For, "not-a-hash", MeetingScenario.Administrator)));
        ProblemAssert.Field(403, "enteredBy", await scenario.Http.SendJson(HttpMethod.Post, $"{Ordinary}/paper-ballots",
            new PaperBallotRequest(CaseScenario.CreditorOf(2), VoteChoice.For, Hash, "cr0001")));
        ProblemAssert.Field(403, "creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{Distribution}/paper-ballots",
            new PaperBallotRequest("cr-secured", VoteChoice.For, Hash, MeetingScenario.Administrator)));
        ProblemAssert.Field(400, "documentSha256", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [CaseScenario.CreditorOf(2)], "abc", MeetingScenario.Administrator)));
        ProblemAssert.Field(403, "recordedBy", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [CaseScenario.CreditorOf(2)], Hash, "rep-b")));
        ProblemAssert.Field(409, "principalIds[0]", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [CaseScenario.CreditorOf(0)], Hash, MeetingScenario.Administrator)));
        ProblemAssert.Field(400, "principalIds[1]", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [CaseScenario.CreditorOf(2), "cr-nobody"], Hash, MeetingScenario.Administrator)));
        ProblemAssert.Field(400, "resolutionIds[0]", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [CaseScenario.CreditorOf(2)], Hash, MeetingScenario.Administrator, ["r7"])));
        await AssertNothingRecorded();
        Assert.Single(await scenario.Http.GetOk<List<ProxyView>>($"{scenario.Meeting}/proxies"));
    }

    [Fact]
    public async Task Provisional_amounts_waivers_and_shareholders_are_refused_where_the_law_gives_no_room()
    {
        var claims = await scenario.Http.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims");
        var pending = claims.Single(c => c.CreditorId == "cr-pending");
        var confirmed = claims.Single(c => c.CreditorId == CaseScenario.CreditorOf(0));
        var secured = claims.Single(c => c.CreditorId == "cr-secured");

        // Every resolution has opened: nothing could use them any more.
        ProblemAssert.Field(409, "claimId", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 500_000, MeetingScenario.Judge)));
        ProblemAssert.Field(409, "claimId", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/priority-waivers",
            new PriorityWaiverRequest(secured.ClaimId, "cr-secured")));
        ProblemAssert.Field(409, "shareholderId", await scenario.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/shareholders",
            new ShareholderRequest("sh-1", 1_000_000, MeetingScenario.Administrator)));

        // A second meeting of the same case, nothing opened yet.
        var next = $"/api/meetings/{scenario.CaseId}-m2";
        await scenario.Http.PutOk<MeetingView>(next, new ScheduleMeetingRequest(scenario.CaseId, "第二次债权人会议", DateTimeOffset.UtcNow,
            [new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan)], MeetingScenario.Administrator));
        ProblemAssert.Field(403, "judgeId", await scenario.Http.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 500_000, MeetingScenario.Administrator)));
        ProblemAssert.Field(409, "claimId", await scenario.Http.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest(confirmed.ClaimId, 500, MeetingScenario.Judge)));
        ProblemAssert.Field(400, "amountFen", await scenario.Http.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 800_001, MeetingScenario.Judge)));
        ProblemAssert.Field(404, "claimId", await scenario.Http.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest("no-such-claim", 5, MeetingScenario.Judge)));
        ProblemAssert.Field(403, "creditorId", await scenario.Http.SendJson(HttpMethod.Post, $"{next}/priority-waivers",
            new PriorityWaiverRequest(secured.ClaimId, CaseScenario.CreditorOf(1))));
        ProblemAssert.Field(409, "claimId", await scenario.Http.SendJson(HttpMethod.Post, $"{next}/priority-waivers",
            new PriorityWaiverRequest(confirmed.ClaimId, CaseScenario.CreditorOf(0))));
        var shareholders = ProblemAssert.Field(409, "shareholderId", await scenario.Http.SendJson(HttpMethod.Post, $"{next}/shareholders",
            new ShareholderRequest("sh-1", 1_000_000, MeetingScenario.Administrator)));
        Assert.Contains("85(2)", shareholders, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_vote_over_the_hub_names_the_field()
    {
        await using var hub = await scenario.Server.ConnectHubAsync();
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId,
            new CastBallot("r1", "cr-secured", VoteChoice.For)));
        Assert.Contains("creditorId: Claim", error.Message, StringComparison.Ordinal);
        await AssertNothingRecorded();
    }

    private async Task AssertNothingRecorded()
    {
        Assert.Single(await scenario.StoredBallotsAsync());
        Assert.Equal(1, (await scenario.TallyAsync("r1")).VotesRecorded);
        Assert.Equal(0, (await scenario.TallyAsync("r2")).VotesRecorded);
    }
}
