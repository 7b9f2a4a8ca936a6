using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>Bad input gets a problem document naming the field and the reason, and changes nothing.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BadInputTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseScenario scenario = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "bad-input");
        await scenario.OpenAsync();
        await scenario.CreditorsDeclareAndAreConfirmedAsync(3);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private string Claims => $"/api/cases/{scenario.CaseId}/claims";
    private HttpClient Administrator => scenario.Administrator.Http;

    [Fact]
    public async Task An_unknown_case_is_not_found()
    {
        var (status, problem) = await Administrator.SendRaw(HttpMethod.Get, "/api/cases/no-such-case", null);

        ProblemAssert.Field(404, "caseId", (status, problem));
        var (declareStatus, declareProblem) = await Administrator.SendJson(HttpMethod.Post, "/api/cases/no-such-case/claims",
            new DeclareClaimRequest("cr9000", ClaimClass.Ordinary, 100));
        ProblemAssert.Field(404, "caseId", (declareStatus, declareProblem));
    }

    [Fact]
    public async Task A_malformed_body_is_refused_without_a_stack_trace()
    {
        var (status, problem) = await Administrator.SendRaw(HttpMethod.Post, Claims, "{\"creditorId\": \"cr9000\", \"class\": ");

        Assert.Equal(400, status);
        Assert.NotNull(problem);
        Assert.DoesNotContain(" at ", problem!.ToJsonString(), StringComparison.Ordinal);
        await AssertClaimCount(3);
    }

    [Theory]
    [InlineData("{\"creditorId\":\"cr9000\",\"class\":\"ordinary\",\"principalFen\":-5}", "principalFen")]
    [InlineData("{\"creditorId\":\"cr9000\",\"class\":\"ordinary\",\"principalFen\":\"abc\"}", "principalFen")]
    [InlineData("{\"creditorId\":\"cr9000\",\"class\":\"ordinary\",\"principalFen\":12.5}", "principalFen")]
    [InlineData("{\"creditorId\":\"cr9000\",\"class\":\"ordinary\",\"principalFen\":0}", "principalFen")]
    [InlineData("{\"creditorId\":\"cr9000\",\"class\":\"ordinary\",\"principalFen\":100,\"securedFen\":200,\"collateral\":\"plant\"}", "securedFen")]
    [InlineData("{\"creditorId\":\"cr9000\",\"class\":\"employee\",\"principalFen\":100}", "class")]
    [InlineData("{\"creditorId\":\"cr9000\",\"class\":\"bogus\",\"principalFen\":100}", "class")]
    [InlineData("{\"class\":\"ordinary\",\"principalFen\":100}", "creditorId")]
    public async Task A_wrong_amount_or_field_is_refused_naming_the_field(string body, string field)
    {
        var (status, problem) = await Administrator.SendRaw(HttpMethod.Post, Claims, body);

        ProblemAssert.Field(400, field, (status, problem));
        await AssertClaimCount(3);
    }

    [Fact]
    public async Task Ballots_that_may_not_count_are_refused_and_the_tally_does_not_move()
    {
        var rejected = await scenario.InviteAsync("cr-rejected");
        var outsider = await rejected.Http.PostOk<ClaimView>(Claims, new DeclareClaimRequest("cr-rejected", ClaimClass.Ordinary, 500));
        await scenario.StartReviewAsync(outsider.ClaimId);
        await Administrator.PostOk<ClaimView>($"{Claims}/{outsider.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Reject, 0, "no evidence"));
        await scenario.ScheduleMeetingAsync();
        await scenario.OpenVotingAsync();
        var ballots = $"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots";
        await scenario.Creditors[0].Http.PostOk<BallotAck>(ballots, new BallotRequest(VoteChoice.For));

        // A creditor whose claim was rejected, twice.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var (status, problem) = await rejected.Http.SendJson(HttpMethod.Post, ballots, new BallotRequest(VoteChoice.Against));
            ProblemAssert.Field(403, "creditorId", (status, problem));
        }
        // A creditor voting in another's name.
        var (proxyStatus, proxyProblem) = await scenario.Creditors[1].Http.SendJson(HttpMethod.Post, ballots, new BallotRequest(VoteChoice.For, scenario.CreditorOf(2)));
        ProblemAssert.Field(403, "creditorId", (proxyStatus, proxyProblem));

        var (choiceStatus, choiceProblem) = await scenario.Creditors[1].Http.SendRaw(HttpMethod.Post, ballots, "{\"choice\":\"maybe\"}");
        ProblemAssert.Field(400, "choice", (choiceStatus, choiceProblem));

        var (unknownStatus, unknownProblem) = await scenario.Creditors[1].Http.SendJson(HttpMethod.Post,
            $"/api/meetings/{scenario.MeetingId}/resolutions/r9/ballots", new BallotRequest(VoteChoice.For));
        ProblemAssert.Field(404, "resolutionId", (unknownStatus, unknownProblem));

        var tally = await Administrator.GetOk<TallyView>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/tally");
        Assert.Equal(1, tally.VotesRecorded);

        await scenario.CloseVotingAsync();
        var (lateStatus, lateProblem) = await scenario.Creditors[1].Http.SendJson(HttpMethod.Post, ballots, new BallotRequest(VoteChoice.For));
        ProblemAssert.Field(409, "resolutionId", (lateStatus, lateProblem));
        Assert.Equal(1, (await Administrator.GetOk<TallyView>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/tally")).VotesRecorded);
    }

    [Fact]
    public async Task A_refused_vote_over_the_hub_says_why()
    {
        await scenario.ScheduleMeetingAsync();
        await using var hub = await server.ConnectHubAsync(scenario.Creditors[0]);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", VoteChoice.For));

        Assert.Contains("conflict: resolutionId: Voting on r1 has not opened", error.Message, StringComparison.Ordinal);
    }

    private async Task AssertClaimCount(int expected) =>
        Assert.Equal(expected, (await Administrator.GetOk<List<ClaimView>>(Claims)).Count);

}
