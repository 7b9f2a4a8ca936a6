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
        // cr-stranger is let into the case but has no claim; rep-a and rep-x are representatives' accounts.
        await scenario.SignInCreditorsAsync([Creditor(0), Creditor(1), Creditor(2), "cr-secured", "cr-pending", "cr-stranger", "rep-a", "rep-x"]);
        await scenario.ScheduleAsync(TallyVisibility.Live,
            new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan),
            new ResolutionDraft("r2", "财产管理方案", ResolutionKind.PropertyManagementPlan));
        await scenario.Administrator.Http.PostOk<ProxyView>($"{scenario.Meeting}/proxies", new ProxyRequest("rep-a", [Creditor(0)], Hash, ["r2"]));
        await scenario.OpenAsync("r1");
        await scenario.OpenAsync("r2");
        await scenario.VoteAsync("r1", Creditor(0), VoteChoice.For);
    }

    public async Task DisposeAsync() => await scenario.DisposeAsync();

    private string Creditor(int i) => scenario.CreditorOf(i);

    private HttpClient As(string creditorId) => scenario.Creditor(creditorId).Http;

    private HttpClient Administrator => scenario.Administrator.Http;

    [Fact]
    public async Task Ballots_of_those_without_a_vote_are_refused_with_the_reason()
    {
        ProblemAssert.Field(403, "creditorId", await As("cr-stranger").SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest(VoteChoice.For)));
        var secured = ProblemAssert.Field(403, "creditorId", await As("cr-secured").SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest(VoteChoice.Against)));
        Assert.Contains("59(3)", secured, StringComparison.Ordinal);
        var pending = ProblemAssert.Field(403, "creditorId", await As("cr-pending").SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest(VoteChoice.Against)));
        Assert.Contains("59(2)", pending, StringComparison.Ordinal);
        // A creditor votes only for itself; another's ballot goes by power of attorney.
        ProblemAssert.Field(403, "creditorId", await As(Creditor(1)).SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest(VoteChoice.Against, Creditor(2))));
        // Staff do not vote.
        ProblemAssert.ByPolicy(await Administrator.SendJson(HttpMethod.Post, $"{Distribution}/ballots", new BallotRequest(VoteChoice.For, Creditor(1))));

        await AssertNothingRecorded();
        // The secured creditor still votes by head on an ordinary matter (EBL 59(3) takes only the two named matters from it).
        await scenario.VoteAsync("r2", "cr-secured", VoteChoice.Against);
    }

    [Fact]
    public async Task Ballots_on_unknown_or_closed_resolutions_and_malformed_choices_are_refused()
    {
        var creditor = As(Creditor(1));
        ProblemAssert.Field(404, "resolutionId", await creditor.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r9/ballots",
            new BallotRequest(VoteChoice.For)));
        ProblemAssert.Field(400, "choice", await creditor.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            $"{{\"creditorId\":\"{Creditor(1)}\",\"choice\":\"maybe\"}}"));
        ProblemAssert.Field(400, "choice", await creditor.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            $"{{\"creditorId\":\"{Creditor(1)}\",\"choice\":1}}"));
        ProblemAssert.Field(400, "choice", await creditor.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            $"{{\"creditorId\":\"{Creditor(1)}\"}}"));
        // A malformed id is never taken for the signed-in creditor's, in the body or in the address.
        ProblemAssert.Field(403, "creditorId", await creditor.SendRaw(HttpMethod.Post, $"{Distribution}/ballots",
            "{\"creditorId\":\"cr 0001; drop\",\"choice\":\"for\"}"));
        ProblemAssert.Field(400, "resolutionId", await creditor.SendRaw(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1%3B%20drop/ballots",
            "{\"choice\":\"for\"}"));
        await AssertNothingRecorded();

        await scenario.CloseAsync("r1");
        ProblemAssert.Field(409, "resolutionId", await creditor.SendJson(HttpMethod.Post, $"{Distribution}/ballots",
            new BallotRequest(VoteChoice.For)));
        ProblemAssert.Field(409, "resolutionId", await Administrator.SendJson(HttpMethod.Post, $"{Distribution}/paper-ballots",
            new PaperBallotRequest(Creditor(1), VoteChoice.For, Hash)));
        await AssertNothingRecorded();
    }

    [Fact]
    public async Task A_proxy_without_authority_is_refused_and_none_of_its_batch_is_recorded()
    {
        // No power of attorney at all.
        ProblemAssert.Field(403, "representativeId", await As("rep-x").SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest([new ProxyBallot(Creditor(0), VoteChoice.For)])));
        // A principal it does not represent, after one it does: the whole batch is refused.
        var other = ProblemAssert.Field(403, "ballots[1].creditorId", await As("rep-a").SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest([new ProxyBallot(Creditor(0), VoteChoice.For), new ProxyBallot(Creditor(1), VoteChoice.For)])));
        Assert.Contains(Creditor(1), other, StringComparison.Ordinal);
        // Its principal, but on a resolution outside the power of attorney.
        ProblemAssert.Field(403, "ballots[0].creditorId", await As("rep-a").SendJson(HttpMethod.Post, $"{Distribution}/proxy-ballots",
            new ProxyBallotsRequest([new ProxyBallot(Creditor(0), VoteChoice.Against)])));
        ProblemAssert.Field(400, "ballots[0].choice", await As("rep-a").SendRaw(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            $"{{\"ballots\":[{{\"creditorId\":\"{Creditor(0)}\",\"choice\":\"yes\"}}]}}"));
        ProblemAssert.Field(400, "ballots", await As("rep-a").SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest([])));
        ProblemAssert.Field(400, "ballots[1].creditorId", await As("rep-a").SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest([new ProxyBallot(Creditor(0), VoteChoice.For), new ProxyBallot(Creditor(0), VoteChoice.Against)])));
        // The representative is the signed-in creditor account: staff cannot cast its ballots.
        ProblemAssert.ByPolicy(await Administrator.SendJson(HttpMethod.Post, $"{Ordinary}/proxy-ballots",
            new ProxyBallotsRequest([new ProxyBallot(Creditor(0), VoteChoice.For)])));
        await AssertNothingRecorded();
    }

    [Fact]
    public async Task Paper_ballots_and_powers_of_attorney_need_the_administrator_and_a_sha256()
    {
        ProblemAssert.Field(400, "scanSha256", await Administrator.SendJson(HttpMethod.Post, $"{Ordinary}/paper-ballots",
            new PaperBallotRequest(Creditor(2), VoteChoice.For, "not-a-hash")));
        ProblemAssert.ByPolicy(await As(Creditor(1)).SendJson(HttpMethod.Post, $"{Ordinary}/paper-ballots",
            new PaperBallotRequest(Creditor(2), VoteChoice.For, Hash)));
        ProblemAssert.ByPolicy(await scenario.Judge.Http.SendJson(HttpMethod.Post, $"{Ordinary}/paper-ballots",
            new PaperBallotRequest(Creditor(2), VoteChoice.For, Hash)));
        ProblemAssert.Field(403, "creditorId", await Administrator.SendJson(HttpMethod.Post, $"{Distribution}/paper-ballots",
            new PaperBallotRequest("cr-secured", VoteChoice.For, Hash)));
        ProblemAssert.Field(400, "documentSha256", await Administrator.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [Creditor(2)], "abc")));
        ProblemAssert.ByPolicy(await As("rep-a").SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-a", [Creditor(2)], Hash)));
        ProblemAssert.Field(409, "principalIds[0]", await Administrator.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [Creditor(0)], Hash)));
        ProblemAssert.Field(400, "principalIds[1]", await Administrator.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [Creditor(2), "cr-nobody"], Hash)));
        ProblemAssert.Field(400, "resolutionIds[0]", await Administrator.SendJson(HttpMethod.Post, $"{scenario.Meeting}/proxies",
            new ProxyRequest("rep-b", [Creditor(2)], Hash, ["r7"])));
        await AssertNothingRecorded();
        Assert.Single(await Administrator.GetOk<List<ProxyView>>($"{scenario.Meeting}/proxies"));
        // Who represents whom is for staff.
        var (status, problem) = await As("rep-a").SendRaw(HttpMethod.Get, $"{scenario.Meeting}/proxies", null);
        ProblemAssert.ByPolicy((status, problem));
    }

    [Fact]
    public async Task Provisional_amounts_waivers_and_shareholders_are_refused_where_the_law_gives_no_room()
    {
        var claims = await Administrator.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims");
        var pending = claims.Single(c => c.CreditorId == "cr-pending");
        var confirmed = claims.Single(c => c.CreditorId == Creditor(0));
        var secured = claims.Single(c => c.CreditorId == "cr-secured");
        var judge = scenario.Judge.Http;

        // Every resolution has opened: nothing could use them any more.
        ProblemAssert.Field(409, "claimId", await judge.SendJson(HttpMethod.Post, $"{scenario.Meeting}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 500_000)));
        ProblemAssert.Field(409, "claimId", await As("cr-secured").SendJson(HttpMethod.Post, $"{scenario.Meeting}/priority-waivers",
            new PriorityWaiverRequest(secured.ClaimId, "cr-secured")));
        ProblemAssert.Field(409, "shareholderId", await Administrator.SendJson(HttpMethod.Post, $"{scenario.Meeting}/shareholders",
            new ShareholderRequest("sh-1", 1_000_000)));

        // A second meeting of the same case, nothing opened yet.
        await Administrator.PutOk<MeetingView>($"/api/cases/{scenario.CaseId}/meetings/{scenario.CaseId}-m2", new ScheduleMeetingRequest("第二次债权人会议",
            DateTimeOffset.UtcNow, [new ResolutionDraft("r1", "破产财产分配方案", ResolutionKind.DistributionPlan)]));
        var next = $"/api/meetings/{scenario.CaseId}-m2";
        // Only the court: the administrator is refused by policy, another judge of the court by the meeting (not this case's judge).
        ProblemAssert.ByPolicy(await Administrator.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 500_000)));
        var otherJudge = await scenario.Server.People.JudgeAsync("judge-bad-ballots-2", scenario.Court);
        ProblemAssert.Field(403, "judgeId", await otherJudge.Http.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 500_000)));
        ProblemAssert.Field(409, "claimId", await judge.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest(confirmed.ClaimId, 500)));
        ProblemAssert.Field(400, "amountFen", await judge.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest(pending.ClaimId, 800_001)));
        ProblemAssert.Field(404, "claimId", await judge.SendJson(HttpMethod.Post, $"{next}/provisional-amounts",
            new ProvisionalAmountRequest("no-such-claim", 5)));
        // A waiver is the claim's creditor's: not another creditor's, whoever files it.
        ProblemAssert.Field(403, "creditorId", await Administrator.SendJson(HttpMethod.Post, $"{next}/priority-waivers",
            new PriorityWaiverRequest(secured.ClaimId, Creditor(1))));
        ProblemAssert.Field(403, "creditorId", await As(Creditor(1)).SendJson(HttpMethod.Post, $"{next}/priority-waivers",
            new PriorityWaiverRequest(secured.ClaimId, "cr-secured")));
        ProblemAssert.Field(409, "claimId", await As(Creditor(0)).SendJson(HttpMethod.Post, $"{next}/priority-waivers",
            new PriorityWaiverRequest(confirmed.ClaimId, Creditor(0))));
        var shareholders = ProblemAssert.Field(409, "shareholderId", await Administrator.SendJson(HttpMethod.Post, $"{next}/shareholders",
            new ShareholderRequest("sh-1", 1_000_000)));
        Assert.Contains("85(2)", shareholders, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_vote_over_the_hub_names_the_field()
    {
        await using var hub = await scenario.Server.ConnectHubAsync(scenario.Creditor("cr-secured"));
        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", VoteChoice.For));
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
