using System.Text.Json.Nodes;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Every step of a claim through the API (EBL 45-58): each allowed transition lands in the claim's history and the
/// case ledger with who, when and why; each refused one is a problem naming the field and changes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimLifecycleTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseScenario scenario = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server.Http, "life-case");
        await scenario.OpenAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private string Claims => $"/api/cases/{scenario.CaseId}/claims";

    private Task<ClaimView> Declare(string creditor, long principal, IReadOnlyList<InterestLine>? interest = null, string? declaredBy = null) =>
        server.Http.PostOk<ClaimView>(Claims, new DeclareClaimRequest(creditor, ClaimClass.Ordinary, principal, InterestLines: interest, DeclaredBy: declaredBy));

    private Task<(int Status, JsonObject? Problem)> Send(string path, object body) => server.Http.SendJson(HttpMethod.Post, $"{Claims}/{path}", body);

    private Task<ClaimView> Get(string claimId) => server.Http.GetOk<ClaimView>($"{Claims}/{claimId}");

    [Fact]
    public async Task Declared_reviewed_partially_confirmed_objected_by_another_creditor_and_ruled_by_the_court_each_step_recorded()
    {
        var other = await Declare("cr-other", 50_000_00);
        var claim = await Declare("cr-main", 1_000_000_00, [new InterestLine(20_000_00, new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 1))]);
        Assert.Equal(ClaimStatus.Declared, claim.Status);
        Assert.Equal(20_000_00, claim.InterestFen);
        Assert.Equal(1_020_000_00, claim.DeclaredFen);
        Assert.Equal([ClaimActionKind.StartReview, ClaimActionKind.Withdraw], claim.AllowedActions);

        var underReview = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/review-start", new StartReviewRequest(CaseScenario.Administrator));
        Assert.Equal(ClaimStatus.UnderReview, underReview.Status);
        var partial = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/review",
            new ReviewClaimRequest(ClaimDecision.PartiallyConfirm, CaseScenario.Administrator, 900_000_00, "利息超出合同约定"));
        Assert.Equal(ClaimStatus.PartiallyConfirmed, partial.Status);
        Assert.Equal(900_000_00, partial.ConfirmedFen);
        Assert.Equal(CaseScenario.Administrator, partial.ReviewedBy);

        var disputed = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/objections", new ObjectionRequest(other.CreditorId, "担保合同无效"));
        Assert.Equal(ClaimStatus.Disputed, disputed.Status);
        Assert.Equal([ClaimActionKind.RuleOnObjection], disputed.AllowedActions);
        var ruled = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/ruling",
            new RulingRequest(CaseScenario.Judge, 800_000_00, "部分担保无效", "(2026)粤03民初45号"));
        Assert.Equal(ClaimStatus.PartiallyConfirmed, ruled.Status);
        Assert.Equal(800_000_00, ruled.ConfirmedFen);
        Assert.True(ruled.CourtRuled);
        Assert.DoesNotContain(ClaimActionKind.Object, ruled.AllowedActions);

        var history = await server.Http.GetOk<List<ClaimHistoryEntry>>($"{Claims}/{claim.ClaimId}/history");
        Assert.Equal(["declared", "reviewStarted", "partiallyConfirmed", "objected", "ruled"], history.Select(h => h.Action));
        Assert.Equal(["cr-main", CaseScenario.Administrator, CaseScenario.Administrator, "cr-other", CaseScenario.Judge], history.Select(h => h.Actor));
        Assert.Equal([null, ClaimStatus.Declared, ClaimStatus.UnderReview, ClaimStatus.PartiallyConfirmed, ClaimStatus.Disputed], history.Select(h => h.From));
        Assert.Equal("利息超出合同约定", history[2].Reason);
        Assert.Equal("担保合同无效", history[3].Reason);
        Assert.Equal("by another creditor", history[3].Detail);
        Assert.Equal("(2026)粤03民初45号", history[4].Detail);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At));

        var ledger = await LedgerKindsAsync();
        Assert.Equal(["case.opened", "claim.declared", "claim.declared", "claim.reviewStarted", "claim.reviewed", "claim.objected", "claim.ruled"], ledger);
    }

    [Fact]
    public async Task A_claim_is_confirmed_only_under_review_and_never_after_it_was_withdrawn()
    {
        var claim = await Declare("cr0001", 100_00);

        var (early, earlyProblem) = await Send($"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm, CaseScenario.Administrator));
        AssertProblem(409, "status", early, earlyProblem, "start the review first");

        var withdrawn = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/withdrawal", new WithdrawalRequest("cr0001", "已和解"));
        Assert.Equal(ClaimStatus.Withdrawn, withdrawn.Status);
        Assert.Empty(withdrawn.AllowedActions);

        foreach (var (path, body) in new (string, object)[]
        {
            ("review-start", new StartReviewRequest(CaseScenario.Administrator)),
            ("review", new ReviewClaimRequest(ClaimDecision.Confirm, CaseScenario.Administrator)),
            ("objections", new ObjectionRequest("cr0001", "x")),
            ("withdrawal", new WithdrawalRequest("cr0001")),
        })
        {
            var (status, problem) = await Send($"{claim.ClaimId}/{path}", body);
            AssertProblem(409, "status", status, problem, "withdrawn");
        }
        Assert.Equal(ClaimStatus.Withdrawn, (await Get(claim.ClaimId)).Status);
        Assert.Equal(2, (await server.Http.GetOk<List<ClaimHistoryEntry>>($"{Claims}/{claim.ClaimId}/history")).Count);
    }

    [Fact]
    public async Task Review_results_need_the_administrator_a_reason_and_an_amount_that_fits()
    {
        var claim = await Declare("cr0002", 1_000_00);

        var (stranger, strangerProblem) = await Send($"{claim.ClaimId}/review-start", new StartReviewRequest("admin-impostor"));
        AssertProblem(403, "administratorId", stranger, strangerProblem);
        await scenario.StartReviewAsync(claim.ClaimId);
        var (again, againProblem) = await Send($"{claim.ClaimId}/review-start", new StartReviewRequest(CaseScenario.Administrator));
        AssertProblem(409, "status", again, againProblem, "already under review");

        var (noReason, noReasonProblem) = await Send($"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Reject, CaseScenario.Administrator));
        AssertProblem(400, "reason", noReason, noReasonProblem);
        var (tooMuch, tooMuchProblem) = await Send($"{claim.ClaimId}/review",
            new ReviewClaimRequest(ClaimDecision.PartiallyConfirm, CaseScenario.Administrator, 1_000_00, "all of it"));
        AssertProblem(400, "confirmedFen", tooMuch, tooMuchProblem);
        var (otherReviewer, otherProblem) = await Send($"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm, "admin-impostor"));
        AssertProblem(403, "reviewerId", otherReviewer, otherProblem);

        var rejected = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/review",
            new ReviewClaimRequest(ClaimDecision.Reject, CaseScenario.Administrator, 0, "无证据"));
        Assert.Equal(ClaimStatus.Rejected, rejected.Status);
        Assert.Equal(0, rejected.ConfirmedFen);
        var (twice, twiceProblem) = await Send($"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm, CaseScenario.Administrator));
        AssertProblem(409, "status", twice, twiceProblem, "objects and the court decides");
    }

    [Fact]
    public async Task Objections_come_from_creditors_of_the_case_and_only_the_judge_rules_once()
    {
        var claim = await Declare("cr0003", 2_000_00);
        var (beforeReview, beforeProblem) = await Send($"{claim.ClaimId}/objections", new ObjectionRequest("cr0003", "too little"));
        AssertProblem(409, "status", beforeReview, beforeProblem, "has none yet");
        await scenario.ConfirmAsync(claim.ClaimId);

        var (stranger, strangerProblem) = await Send($"{claim.ClaimId}/objections", new ObjectionRequest("cr-nobody", "I object"));
        AssertProblem(403, "objectorId", stranger, strangerProblem);
        var (noReason, noReasonProblem) = await Send($"{claim.ClaimId}/objections", new ObjectionRequest("cr0003", " "));
        AssertProblem(400, "reason", noReason, noReasonProblem);
        var (notDisputed, notDisputedProblem) = await Send($"{claim.ClaimId}/ruling", new RulingRequest(CaseScenario.Judge, 1_00, "x"));
        AssertProblem(409, "status", notDisputed, notDisputedProblem, "no objection before the court");

        var disputed = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/objections", new ObjectionRequest("cr0003", "利息漏算"));
        Assert.Equal(ClaimStatus.Disputed, disputed.Status);
        var (second, secondProblem) = await Send($"{claim.ClaimId}/objections", new ObjectionRequest("cr0003", "again"));
        AssertProblem(409, "status", second, secondProblem, "already before the court");
        var (withdraw, withdrawProblem) = await Send($"{claim.ClaimId}/withdrawal", new WithdrawalRequest("cr0003"));
        AssertProblem(409, "status", withdraw, withdrawProblem, "withdrawn in court");
        var (notJudge, notJudgeProblem) = await Send($"{claim.ClaimId}/ruling", new RulingRequest(CaseScenario.Administrator, 1_00, "x"));
        AssertProblem(403, "judgeId", notJudge, notJudgeProblem);
        var (over, overProblem) = await Send($"{claim.ClaimId}/ruling", new RulingRequest(CaseScenario.Judge, 2_000_01, "x"));
        AssertProblem(400, "confirmedFen", over, overProblem);

        var ruled = await server.Http.PostOk<ClaimView>($"{Claims}/{claim.ClaimId}/ruling", new RulingRequest(CaseScenario.Judge, 0, "债权不成立"));
        Assert.Equal(ClaimStatus.Rejected, ruled.Status);
        var (afterRuling, afterProblem) = await Send($"{claim.ClaimId}/objections", new ObjectionRequest("cr0003", "again"));
        AssertProblem(409, "status", afterRuling, afterProblem, "already ruled");
    }

    [Fact]
    public async Task A_claim_is_withdrawn_by_its_creditor_or_its_proxy_and_by_nobody_else()
    {
        var byProxy = await Declare("cr0004", 300_00, declaredBy: "proxy-zhang");
        Assert.Equal(ClaimOrigin.Proxy, byProxy.Origin);
        Assert.Equal("proxy-zhang", byProxy.DeclaredBy);

        var (stranger, strangerProblem) = await Send($"{byProxy.ClaimId}/withdrawal", new WithdrawalRequest("cr9999"));
        AssertProblem(403, "actorId", stranger, strangerProblem);
        var withdrawn = await server.Http.PostOk<ClaimView>($"{Claims}/{byProxy.ClaimId}/withdrawal", new WithdrawalRequest("proxy-zhang", "委托人撤回"));
        Assert.Equal(ClaimStatus.Withdrawn, withdrawn.Status);
        Assert.Contains("claim.withdrawn", await LedgerKindsAsync());
    }

    [Fact]
    public async Task Interest_stops_at_acceptance_and_is_stated_as_lines()
    {
        var acceptance = new DateOnly(2026, 3, 1);
        var (after, afterProblem) = await server.Http.SendJson(HttpMethod.Post, Claims, new DeclareClaimRequest("cr0005", ClaimClass.Ordinary, 1_000_00,
            InterestLines: [new InterestLine(10_00, new DateOnly(2025, 1, 1), acceptance), new InterestLine(5_00, acceptance, acceptance.AddDays(30))]));
        AssertProblem(400, "interestLines[1].to", after, afterProblem, "2026-03-01");
        var (bare, bareProblem) = await server.Http.SendJson(HttpMethod.Post, Claims, new DeclareClaimRequest("cr0005", ClaimClass.Ordinary, 1_000_00, InterestFen: 10_00));
        AssertProblem(400, "interestLines", bare, bareProblem);
        var (wrongSum, wrongSumProblem) = await server.Http.SendJson(HttpMethod.Post, Claims, new DeclareClaimRequest("cr0005", ClaimClass.Ordinary, 1_000_00,
            InterestFen: 11_00, InterestLines: [new InterestLine(10_00, new DateOnly(2025, 1, 1), acceptance)]));
        AssertProblem(400, "interestFen", wrongSum, wrongSumProblem);
        Assert.Empty(await server.Http.GetOk<List<ClaimView>>(Claims));

        var upToAcceptance = await Declare("cr0005", 1_000_00,
            [new InterestLine(10_00, new DateOnly(2025, 1, 1), new DateOnly(2025, 7, 1)), new InterestLine(7_50, new DateOnly(2025, 7, 1), acceptance)]);
        Assert.Equal(17_50, upToAcceptance.InterestFen);
        Assert.Equal(2, upToAcceptance.InterestLines.Count);
    }

    [Fact]
    public async Task Employee_claims_are_listed_by_the_administrator_and_stand_confirmed_unless_the_employee_objects()
    {
        var (byCreditor, creditorProblem) = await server.Http.SendJson(HttpMethod.Post, $"/api/cases/{scenario.CaseId}/employee-claims",
            new ListEmployeeClaim("emp-001", 80_000_00, 0, "cr0001"));
        AssertProblem(403, "administratorId", byCreditor, creditorProblem);

        var listed = await server.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/employee-claims",
            new ListEmployeeClaim("emp-001", 80_000_00, 6_000_00, CaseScenario.Administrator, "2025年10月至2026年2月工资"));

        Assert.Equal(ClaimClass.Employee, listed.Class);
        Assert.Equal(ClaimOrigin.Administrator, listed.Origin);
        Assert.Equal(ClaimStatus.Confirmed, listed.Status);
        Assert.Equal(86_000_00, listed.ConfirmedFen);
        var disputed = await server.Http.PostOk<ClaimView>($"{Claims}/{listed.ClaimId}/objections", new ObjectionRequest("emp-001", "加班费未列入"));
        Assert.Equal(ClaimStatus.Disputed, disputed.Status);
        Assert.Equal(["claim.employeeListed", "claim.objected"], (await LedgerKindsAsync()).Skip(1));
    }

    [Fact]
    public async Task A_late_claim_is_flagged_joins_only_later_distributions_and_none_is_declared_after_the_final_one()
    {
        var late = new CaseScenario(server.Http, "late-case");
        await server.Http.PutOk<CaseView>($"/api/cases/{late.CaseId}", new OpenCase("(2026)粤03破99号", "深圳市中级人民法院", "深圳迟报科技有限公司",
            "91440300MA5F00001A", Procedure.Liquidation, CaseScenario.Judge, CaseScenario.Administrator, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30)));
        var claims = $"/api/cases/{late.CaseId}/claims";

        var first = await server.Http.PostOk<ClaimView>(claims, new DeclareClaimRequest("cr-late1", ClaimClass.Ordinary, 100_00));
        Assert.True(first.Late);
        Assert.Equal(1, first.JoinsDistributionRound);
        Assert.Contains("declared late", (await server.Http.GetOk<List<ClaimHistoryEntry>>($"{claims}/{first.ClaimId}/history"))[0].Detail, StringComparison.Ordinal);

        var afterRound = await server.Http.PostOk<CaseView>($"/api/cases/{late.CaseId}/distribution-rounds", new RecordDistribution(CaseScenario.Administrator, false));
        Assert.Equal(1, afterRound.DistributionRounds);
        var second = await server.Http.PostOk<ClaimView>(claims, new DeclareClaimRequest("cr-late2", ClaimClass.Ordinary, 200_00));
        Assert.True(second.Late);
        Assert.Equal(2, second.JoinsDistributionRound);

        var final = await server.Http.PostOk<CaseView>($"/api/cases/{late.CaseId}/distribution-rounds", new RecordDistribution(CaseScenario.Administrator, true));
        Assert.True(final.FinalDistributionPaid);
        var (refused, problem) = await server.Http.SendJson(HttpMethod.Post, claims, new DeclareClaimRequest("cr-late3", ClaimClass.Ordinary, 300_00));
        AssertProblem(409, "caseId", refused, problem, "EBL 56");
        var (another, anotherProblem) = await server.Http.SendJson(HttpMethod.Post, $"/api/cases/{late.CaseId}/distribution-rounds",
            new RecordDistribution(CaseScenario.Administrator, false));
        AssertProblem(409, "final", another, anotherProblem);

        // In time: the ordinary scenario's case has no deadline set.
        Assert.False((await Declare("cr0006", 100_00)).Late);
    }

    [Fact]
    public async Task Case_opening_and_creditor_registration_check_the_check_characters_and_views_mask_the_number()
    {
        var (badCode, badCodeProblem) = await server.Http.SendJson(HttpMethod.Put, "/api/cases/bad-code", new OpenCase("(2026)粤03破1号", "深圳市中级人民法院",
            "某公司", "91440300MA5F00001B", Procedure.Liquidation, CaseScenario.Judge, CaseScenario.Administrator, new DateOnly(2026, 3, 1)));
        AssertProblem(400, "debtorCreditCode", badCode, badCodeProblem, "GB 32100");
        var lowerCase = await server.Http.PutOk<CaseView>("/api/cases/good-code", new OpenCase("(2026)粤03破2号", "深圳市中级人民法院",
            "某公司", "91350100m000100y43", Procedure.Liquidation, CaseScenario.Judge, CaseScenario.Administrator, new DateOnly(2026, 3, 1)));
        Assert.Equal("91350100M000100Y43", lowerCase.DebtorCreditCode);

        var (badId, badIdProblem) = await server.Http.SendJson(HttpMethod.Put, "/api/creditors/p-bad",
            new Creditors.CreditorProfile("张三", Creditors.CreditorKind.Person, "110105194912310021", "13812345678"));
        AssertProblem(400, "identityNumber", badId, badIdProblem, "GB 11643");
        var (orgWithId, orgProblem) = await server.Http.SendJson(HttpMethod.Put, "/api/creditors/o-bad",
            new Creditors.CreditorProfile("某公司", Creditors.CreditorKind.Organization, "11010519491231002X", null));
        AssertProblem(400, "identityNumber", orgWithId, orgProblem, "GB 32100");

        var person = await server.Http.PutOk<Creditors.CreditorView>("/api/creditors/p-good",
            new Creditors.CreditorProfile("张三", Creditors.CreditorKind.Person, "11010519491231002x", "13812345678"));
        Assert.Equal("110***********002X", person.MaskedIdentityNumber);
        Assert.Equal("138****5678", person.MaskedPhone);
        var read = await server.Http.GetOk<Creditors.CreditorView>("/api/creditors/p-good");
        Assert.Equal(person, read);
        Assert.DoesNotContain("19491231", await server.Http.GetStringAsync("/api/creditors/p-good"), StringComparison.Ordinal);
        var full = await server.Http.GetOk<Creditors.CreditorProfile>("/api/creditors/p-good/unmasked");
        Assert.Equal("11010519491231002X", full.IdentityNumber);
        Assert.Equal("13812345678", full.Phone);
        var org = await server.Http.PutOk<Creditors.CreditorView>("/api/creditors/o-good",
            new Creditors.CreditorProfile("某公司", Creditors.CreditorKind.Organization, "91350100M000100Y43", null));
        Assert.Equal("913***********0Y43", org.MaskedIdentityNumber);
    }

    [Fact]
    public async Task Watchers_of_the_case_see_each_change_of_a_claim()
    {
        await using var hub = await server.ConnectHubAsync();
        await hub.InvokeAsync<CaseView>("WatchCase", scenario.CaseId);
        var claim = await Declare("cr0007", 100_00);

        await scenario.ConfirmAsync(claim.ClaimId);

        var seen = await hub.WaitForAsync<ClaimView>("claim", c => c.ClaimId == claim.ClaimId && c.Status == ClaimStatus.Confirmed, TimeSpan.FromSeconds(10));
        Assert.Equal(100_00, seen.ConfirmedFen);
    }

    private async Task<List<string>> LedgerKindsAsync()
    {
        await using var command = server.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select kind from ledger_entry where case_id = $1 order by position");
        command.Parameters.Add(new() { Value = scenario.CaseId });
        var kinds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) kinds.Add(reader.GetString(0));
        return kinds;
    }

    private static void AssertProblem(int expectedStatus, string field, int status, JsonObject? problem, string? reasonContains = null)
    {
        Assert.True(expectedStatus == status, $"expected {expectedStatus}, got {status}: {problem?.ToJsonString()}");
        var errors = problem?["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"expected an error for '{field}' in {problem?.ToJsonString()}");
        var reason = (string?)errors![field]![0];
        Assert.False(string.IsNullOrWhiteSpace(reason));
        if (reasonContains is not null) Assert.Contains(reasonContains, reason, StringComparison.Ordinal);
    }
}
