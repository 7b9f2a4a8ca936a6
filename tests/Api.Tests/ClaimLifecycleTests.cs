using System.Text.Json.Nodes;
using CaseGrains.CaseAccounts;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CaseGrains.Api.Tests.ClaimsTestKit;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Every step of a claim through the API (EBL 45-58), each taken by the person whose step it is: each allowed
/// transition lands in the claim's history and the case ledger with who, when and why; each refused one is a problem
/// naming the field (or, for someone with no part in it, a refusal by policy) and changes nothing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimLifecycleTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseScenario scenario = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "life-case");
        await scenario.OpenAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private string Claims => $"/api/cases/{scenario.CaseId}/claims";
    private Person Administrator => scenario.Administrator;
    private Person Judge => scenario.Judge;

    /// <summary>Creditor <paramref name="i"/> of the case, invited the first time they are needed.</summary>
    private async Task<Person> Creditor(int i) =>
        scenario.Creditors.FirstOrDefault(c => c.CreditorId == scenario.CreditorOf(i)) ?? await scenario.InviteAsync(scenario.CreditorOf(i));

    /// <summary>Creditor <paramref name="i"/> declares an ordinary claim of their own.</summary>
    private async Task<(Person Creditor, ClaimView Claim)> Declare(int i, long principal, IReadOnlyList<InterestLine>? interest = null)
    {
        var creditor = await Creditor(i);
        return (creditor, await creditor.Http.PostOk<ClaimView>(Claims, new DeclareClaimRequest(creditor.CreditorId!, ClaimClass.Ordinary, principal, InterestLines: interest)));
    }

    private Task<(int Status, JsonObject? Problem)> Send(Person who, string path, object body) => who.Http.SendJson(HttpMethod.Post, $"{Claims}/{path}", body);

    private Task<ClaimView> Post(Person who, string path, object body) => who.Http.PostOk<ClaimView>($"{Claims}/{path}", body);

    /// <summary>A case of the same court with its own judge and creditor: people who have no part in this case's claims.</summary>
    private async Task<CaseScenario> AnotherCaseAsync()
    {
        var other = new CaseScenario(server, "other-case");
        await other.OpenAsync();
        await other.InviteAsync(other.CreditorOf(1));
        return other;
    }

    [Fact]
    public async Task Declared_reviewed_partially_confirmed_objected_by_another_creditor_and_ruled_by_the_court_each_step_recorded()
    {
        var (other, _) = await Declare(2, 50_000_00);
        var (main, claim) = await Declare(1, 1_000_000_00, [new InterestLine(20_000_00, new DateOnly(2025, 3, 1), new DateOnly(2026, 3, 1))]);
        Assert.Equal(ClaimStatus.Declared, claim.Status);
        Assert.Equal(20_000_00, claim.InterestFen);
        Assert.Equal(1_020_000_00, claim.DeclaredFen);
        Assert.Equal([ClaimActionKind.StartReview, ClaimActionKind.Withdraw], claim.AllowedActions);

        var underReview = await Post(Administrator, $"{claim.ClaimId}/review-start", new { });
        Assert.Equal(ClaimStatus.UnderReview, underReview.Status);
        var partial = await Post(Administrator, $"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.PartiallyConfirm, 900_000_00, "利息超出合同约定"));
        Assert.Equal(ClaimStatus.PartiallyConfirmed, partial.Status);
        Assert.Equal(900_000_00, partial.ConfirmedFen);
        Assert.Equal(Administrator.Username, partial.ReviewedBy);

        var disputed = await Post(other, $"{claim.ClaimId}/objections", new ObjectionRequest("担保合同无效"));
        Assert.Equal(ClaimStatus.Disputed, disputed.Status);
        Assert.Equal([ClaimActionKind.RuleOnObjection], disputed.AllowedActions);
        var ruled = await Post(Judge, $"{claim.ClaimId}/ruling", new RulingRequest(800_000_00, "部分担保无效", "(2026)粤03民初45号"));
        Assert.Equal(ClaimStatus.PartiallyConfirmed, ruled.Status);
        Assert.Equal(800_000_00, ruled.ConfirmedFen);
        Assert.True(ruled.CourtRuled);
        Assert.DoesNotContain(ClaimActionKind.Object, ruled.AllowedActions);

        var history = await main.Http.GetOk<List<ClaimHistoryEntry>>($"{Claims}/{claim.ClaimId}/history");
        Assert.Equal(["declared", "reviewStarted", "partiallyConfirmed", "objected", "ruled"], history.Select(h => h.Action));
        Assert.Equal([main.CreditorId, Administrator.Username, Administrator.Username, other.CreditorId, Judge.Username], history.Select(h => h.Actor));
        Assert.Equal([null, ClaimStatus.Declared, ClaimStatus.UnderReview, ClaimStatus.PartiallyConfirmed, ClaimStatus.Disputed], history.Select(h => h.From));
        Assert.Equal("利息超出合同约定", history[2].Reason);
        Assert.Equal("担保合同无效", history[3].Reason);
        Assert.Equal("by another creditor", history[3].Detail);
        Assert.Equal("(2026)粤03民初45号", history[4].Detail);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At <= p.Second.At));

        var ledger = await LedgerKindsAsync();
        Assert.Equal(["case.opened", "creditor.invited", "claim.declared", "creditor.invited", "claim.declared",
            "claim.reviewStarted", "claim.reviewed", "claim.objected", "claim.ruled"], ledger);
    }

    [Fact]
    public async Task A_claim_is_confirmed_only_under_review_and_never_after_it_was_withdrawn()
    {
        var (creditor, claim) = await Declare(1, 100_00);

        var (early, earlyProblem) = await Send(Administrator, $"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
        ProblemAssert.Field(409, "status", (early, earlyProblem), "start the review first");

        var withdrawn = await Post(creditor, $"{claim.ClaimId}/withdrawal", new WithdrawalRequest("已和解"));
        Assert.Equal(ClaimStatus.Withdrawn, withdrawn.Status);
        Assert.Empty(withdrawn.AllowedActions);

        foreach (var (who, path, body) in new (Person, string, object)[]
        {
            (Administrator, "review-start", new { }),
            (Administrator, "review", new ReviewClaimRequest(ClaimDecision.Confirm)),
            (creditor, "objections", new ObjectionRequest("x")),
            (creditor, "withdrawal", new WithdrawalRequest()),
        })
        {
            var (status, problem) = await Send(who, $"{claim.ClaimId}/{path}", body);
            ProblemAssert.Field(409, "status", (status, problem), "withdrawn");
        }
        Assert.Equal(ClaimStatus.Withdrawn, (await creditor.Http.GetOk<ClaimView>($"{Claims}/{claim.ClaimId}")).Status);
        Assert.Equal(2, (await creditor.Http.GetOk<List<ClaimHistoryEntry>>($"{Claims}/{claim.ClaimId}/history")).Count);
    }

    [Fact]
    public async Task Review_results_need_the_administrator_a_reason_and_an_amount_that_fits()
    {
        var (creditor, claim) = await Declare(2, 1_000_00);
        var impostor = await server.People.AdministratorAsync("admin-impostor");

        var (stranger, strangerProblem) = await Send(impostor, $"{claim.ClaimId}/review-start", new { });
        ProblemAssert.ByPolicy((stranger, strangerProblem));
        var (own, ownProblem) = await Send(creditor, $"{claim.ClaimId}/review-start", new { });
        ProblemAssert.ByPolicy((own, ownProblem));
        await scenario.StartReviewAsync(claim.ClaimId);
        var (again, againProblem) = await Send(Administrator, $"{claim.ClaimId}/review-start", new { });
        ProblemAssert.Field(409, "status", (again, againProblem), "already under review");

        var (noReason, noReasonProblem) = await Send(Administrator, $"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Reject));
        ProblemAssert.Field(400, "reason", (noReason, noReasonProblem));
        var (tooMuch, tooMuchProblem) = await Send(Administrator, $"{claim.ClaimId}/review",
            new ReviewClaimRequest(ClaimDecision.PartiallyConfirm, 1_000_00, "all of it"));
        ProblemAssert.Field(400, "confirmedFen", (tooMuch, tooMuchProblem));
        var (otherReviewer, otherProblem) = await Send(impostor, $"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
        ProblemAssert.ByPolicy((otherReviewer, otherProblem));
        var (selfReview, selfProblem) = await Send(creditor, $"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
        ProblemAssert.ByPolicy((selfReview, selfProblem));

        var rejected = await Post(Administrator, $"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Reject, 0, "无证据"));
        Assert.Equal(ClaimStatus.Rejected, rejected.Status);
        Assert.Equal(0, rejected.ConfirmedFen);
        var (twice, twiceProblem) = await Send(Administrator, $"{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
        ProblemAssert.Field(409, "status", (twice, twiceProblem), "objects and the court decides");
    }

    [Fact]
    public async Task Objections_come_from_creditors_of_the_case_and_only_the_judge_rules_once()
    {
        var (creditor, claim) = await Declare(3, 2_000_00);
        var (beforeReview, beforeProblem) = await Send(creditor, $"{claim.ClaimId}/objections", new ObjectionRequest("too little"));
        ProblemAssert.Field(409, "status", (beforeReview, beforeProblem), "has none yet");
        await scenario.ConfirmAsync(claim.ClaimId);

        // Invited into the case but without a claim in it: no standing to object (EBL 58).
        var (noClaim, noClaimProblem) = await Send(await Creditor(8), $"{claim.ClaimId}/objections", new ObjectionRequest("I object"));
        ProblemAssert.Field(403, "objectorId", (noClaim, noClaimProblem));
        var other = await AnotherCaseAsync();
        var (stranger, strangerProblem) = await Send(other.Creditors[0], $"{claim.ClaimId}/objections", new ObjectionRequest("I object"));
        ProblemAssert.ByPolicy((stranger, strangerProblem));
        var (noReason, noReasonProblem) = await Send(creditor, $"{claim.ClaimId}/objections", new ObjectionRequest(" "));
        ProblemAssert.Field(400, "reason", (noReason, noReasonProblem));
        var (notDisputed, notDisputedProblem) = await Send(Judge, $"{claim.ClaimId}/ruling", new RulingRequest(1_00, "x"));
        ProblemAssert.Field(409, "status", (notDisputed, notDisputedProblem), "no objection before the court");

        var disputed = await Post(creditor, $"{claim.ClaimId}/objections", new ObjectionRequest("利息漏算"));
        Assert.Equal(ClaimStatus.Disputed, disputed.Status);
        var (second, secondProblem) = await Send(creditor, $"{claim.ClaimId}/objections", new ObjectionRequest("again"));
        ProblemAssert.Field(409, "status", (second, secondProblem), "already before the court");
        var (withdraw, withdrawProblem) = await Send(creditor, $"{claim.ClaimId}/withdrawal", new WithdrawalRequest());
        ProblemAssert.Field(409, "status", (withdraw, withdrawProblem), "withdrawn in court");
        var (notJudge, notJudgeProblem) = await Send(Administrator, $"{claim.ClaimId}/ruling", new RulingRequest(1_00, "x"));
        ProblemAssert.ByPolicy((notJudge, notJudgeProblem));
        var elsewhere = await server.People.JudgeAsync("judge-guangzhou", OtherCourt);
        var (otherCourt, otherCourtProblem) = await Send(elsewhere, $"{claim.ClaimId}/ruling", new RulingRequest(1_00, "x"));
        ProblemAssert.ByPolicy((otherCourt, otherCourtProblem));
        // A judge of the same court who does not sit on this case.
        var (otherJudge, otherJudgeProblem) = await Send(other.Judge, $"{claim.ClaimId}/ruling", new RulingRequest(1_00, "x"));
        ProblemAssert.Field(403, "judgeId", (otherJudge, otherJudgeProblem));
        var (over, overProblem) = await Send(Judge, $"{claim.ClaimId}/ruling", new RulingRequest(2_000_01, "x"));
        ProblemAssert.Field(400, "confirmedFen", (over, overProblem));

        var ruled = await Post(Judge, $"{claim.ClaimId}/ruling", new RulingRequest(0, "债权不成立"));
        Assert.Equal(ClaimStatus.Rejected, ruled.Status);
        var (afterRuling, afterProblem) = await Send(creditor, $"{claim.ClaimId}/objections", new ObjectionRequest("again"));
        ProblemAssert.Field(409, "status", (afterRuling, afterProblem), "already ruled");
    }

    [Fact]
    public async Task A_claim_is_withdrawn_by_its_creditor_or_its_proxy_and_by_nobody_else()
    {
        // The administrator enters the declaration for the creditor, and so is the one who declared it.
        var byProxy = await Administrator.Http.PostOk<ClaimView>(Claims, new DeclareClaimRequest(scenario.CreditorOf(4), ClaimClass.Ordinary, 300_00));
        Assert.Equal(ClaimOrigin.Proxy, byProxy.Origin);
        Assert.Equal(Administrator.Username, byProxy.DeclaredBy);

        var (stranger, strangerProblem) = await Send(await Creditor(9999), $"{byProxy.ClaimId}/withdrawal", new WithdrawalRequest());
        ProblemAssert.Field(403, "actorId", (stranger, strangerProblem));
        var other = await AnotherCaseAsync();
        var (outsider, outsiderProblem) = await Send(other.Creditors[0], $"{byProxy.ClaimId}/withdrawal", new WithdrawalRequest());
        ProblemAssert.ByPolicy((outsider, outsiderProblem));
        var withdrawn = await Post(Administrator, $"{byProxy.ClaimId}/withdrawal", new WithdrawalRequest("委托人撤回"));
        Assert.Equal(ClaimStatus.Withdrawn, withdrawn.Status);
        Assert.Contains("claim.withdrawn", await LedgerKindsAsync());

        var (creditor, own) = await Declare(5, 100_00);
        Assert.Equal(ClaimStatus.Withdrawn, (await Post(creditor, $"{own.ClaimId}/withdrawal", new WithdrawalRequest())).Status);
    }

    [Fact]
    public async Task A_creditor_declares_only_for_themselves()
    {
        var creditor = await Creditor(1);

        var (forAnother, problem) = await creditor.Http.SendJson(HttpMethod.Post, Claims, new DeclareClaimRequest(scenario.CreditorOf(2), ClaimClass.Ordinary, 100_00));

        ProblemAssert.Field(403, "creditorId", (forAnother, problem));
        Assert.Empty(await Administrator.Http.GetOk<List<ClaimView>>(Claims));
    }

    [Fact]
    public async Task Interest_stops_at_acceptance_and_is_stated_as_lines()
    {
        var acceptance = new DateOnly(2026, 3, 1);
        var creditor = await Creditor(5);
        var id = creditor.CreditorId!;
        var (after, afterProblem) = await creditor.Http.SendJson(HttpMethod.Post, Claims, new DeclareClaimRequest(id, ClaimClass.Ordinary, 1_000_00,
            InterestLines: [new InterestLine(10_00, new DateOnly(2025, 1, 1), acceptance), new InterestLine(5_00, acceptance, acceptance.AddDays(30))]));
        ProblemAssert.Field(400, "interestLines[1].to", (after, afterProblem), "2026-03-01");
        var (bare, bareProblem) = await creditor.Http.SendJson(HttpMethod.Post, Claims, new DeclareClaimRequest(id, ClaimClass.Ordinary, 1_000_00, InterestFen: 10_00));
        ProblemAssert.Field(400, "interestLines", (bare, bareProblem));
        var (wrongSum, wrongSumProblem) = await creditor.Http.SendJson(HttpMethod.Post, Claims, new DeclareClaimRequest(id, ClaimClass.Ordinary, 1_000_00,
            InterestFen: 11_00, InterestLines: [new InterestLine(10_00, new DateOnly(2025, 1, 1), acceptance)]));
        ProblemAssert.Field(400, "interestFen", (wrongSum, wrongSumProblem));
        Assert.Empty(await Administrator.Http.GetOk<List<ClaimView>>(Claims));

        var (_, upToAcceptance) = await Declare(5, 1_000_00,
            [new InterestLine(10_00, new DateOnly(2025, 1, 1), new DateOnly(2025, 7, 1)), new InterestLine(7_50, new DateOnly(2025, 7, 1), acceptance)]);
        Assert.Equal(17_50, upToAcceptance.InterestFen);
        Assert.Equal(2, upToAcceptance.InterestLines.Count);
    }

    [Fact]
    public async Task Employee_claims_are_listed_by_the_administrator_and_stand_confirmed_unless_the_employee_objects()
    {
        var employeeClaims = $"/api/cases/{scenario.CaseId}/employee-claims";
        var (byCreditor, creditorProblem) = await (await Creditor(1)).Http.SendJson(HttpMethod.Post, employeeClaims,
            new EmployeeClaimRequest("emp-001", 80_000_00, 0));
        ProblemAssert.ByPolicy((byCreditor, creditorProblem));

        var listed = await Administrator.Http.PostOk<ClaimView>(employeeClaims,
            new EmployeeClaimRequest("emp-001", 80_000_00, 6_000_00, "2025年10月至2026年2月工资"));

        Assert.Equal(ClaimClass.Employee, listed.Class);
        Assert.Equal(ClaimOrigin.Administrator, listed.Origin);
        Assert.Equal(ClaimStatus.Confirmed, listed.Status);
        Assert.Equal(86_000_00, listed.ConfirmedFen);
        var employee = await scenario.InviteAsync("emp-001");
        var disputed = await Post(employee, $"{listed.ClaimId}/objections", new ObjectionRequest("加班费未列入"));
        Assert.Equal(ClaimStatus.Disputed, disputed.Status);
        Assert.Equal(["claim.employeeListed", "claim.objected"], (await LedgerKindsAsync()).Where(k => k.StartsWith("claim.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_late_claim_is_flagged_joins_only_later_distributions_and_none_is_declared_after_the_final_one()
    {
        const string lateCase = "late-case";
        await Judge.Http.PutOk<CaseView>($"/api/cases/{lateCase}", new OpenCase("(2026)粤03破99号", CaseScenario.DefaultCourt, "深圳迟报科技有限公司",
            "91440300MA5F00001A", Procedure.Liquidation, Judge.Username, Administrator.Username, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 30)));
        var claims = $"/api/cases/{lateCase}/claims";
        Task<Person> LateCreditor(int i) => server.People.CreditorAsync(Administrator, lateCase, $"{lateCase}-cr{i:D4}");

        var firstCreditor = await LateCreditor(1);
        var first = await firstCreditor.Http.PostOk<ClaimView>(claims, new DeclareClaimRequest(firstCreditor.CreditorId!, ClaimClass.Ordinary, 100_00));
        Assert.True(first.Late);
        Assert.Equal(1, first.JoinsDistributionRound);
        Assert.Contains("declared late", (await firstCreditor.Http.GetOk<List<ClaimHistoryEntry>>($"{claims}/{first.ClaimId}/history"))[0].Detail, StringComparison.Ordinal);

        await CaseAccountKit.PayRoundAsync(Judge, Administrator, lateCase, final: false);
        Assert.Equal(1, (await Administrator.Http.GetOk<CaseView>($"/api/cases/{lateCase}")).DistributionRounds);
        var secondCreditor = await LateCreditor(2);
        var second = await secondCreditor.Http.PostOk<ClaimView>(claims, new DeclareClaimRequest(secondCreditor.CreditorId!, ClaimClass.Ordinary, 200_00));
        Assert.True(second.Late);
        Assert.Equal(2, second.JoinsDistributionRound);

        var (byCreditor, byCreditorProblem) = await secondCreditor.Http.SendJson(HttpMethod.Post, $"/api/cases/{lateCase}/account/distributions",
            new DistributionRequest(1, "分配", Shares: [new DistributionShare("round-payee", 1)], Final: true));
        ProblemAssert.ByPolicy((byCreditor, byCreditorProblem));
        await CaseAccountKit.PayRoundAsync(Judge, Administrator, lateCase, final: true);
        Assert.True((await Administrator.Http.GetOk<CaseView>($"/api/cases/{lateCase}")).FinalDistributionPaid);
        var thirdCreditor = await LateCreditor(3);
        var (refused, problem) = await thirdCreditor.Http.SendJson(HttpMethod.Post, claims, new DeclareClaimRequest(thirdCreditor.CreditorId!, ClaimClass.Ordinary, 300_00));
        ProblemAssert.Field(409, "caseId", (refused, problem), "EBL 56");
        var (another, anotherProblem) = await Administrator.Http.SendJson(HttpMethod.Post, $"/api/cases/{lateCase}/account/distributions",
            new DistributionRequest(1, "再分配", Shares: [new DistributionShare("round-payee", 1)]));
        ProblemAssert.Field(409, "final", (another, anotherProblem));

        // In time: the ordinary scenario's case has no deadline set.
        Assert.False((await Declare(6, 100_00)).Claim.Late);
    }

    [Fact]
    public async Task Case_opening_and_creditor_registration_check_the_check_characters_and_views_mask_the_number()
    {
        var (badCode, badCodeProblem) = await Judge.Http.SendJson(HttpMethod.Put, "/api/cases/bad-code", new OpenCase("(2026)粤03破1号", CaseScenario.DefaultCourt,
            "某公司", "91440300MA5F00001B", Procedure.Liquidation, Judge.Username, Administrator.Username, new DateOnly(2026, 3, 1)));
        ProblemAssert.Field(400, "debtorCreditCode", (badCode, badCodeProblem), "GB 32100");
        var lowerCase = await Judge.Http.PutOk<CaseView>("/api/cases/good-code", new OpenCase("(2026)粤03破2号", CaseScenario.DefaultCourt,
            "某公司", "91350100m000100y43", Procedure.Liquidation, Judge.Username, Administrator.Username, new DateOnly(2026, 3, 1)));
        Assert.Equal("91350100M000100Y43", lowerCase.DebtorCreditCode);

        // A person and an organisation, each keeping their own profile.
        var zhang = await Creditor(11);
        var company = await Creditor(12);
        var (badId, badIdProblem) = await zhang.Http.SendJson(HttpMethod.Put, $"/api/creditors/{zhang.CreditorId}",
            new Creditors.CreditorProfile("张三", Creditors.CreditorKind.Person, "110105194912310021", "13812345678"));
        ProblemAssert.Field(400, "identityNumber", (badId, badIdProblem), "GB 11643");
        var (orgWithId, orgProblem) = await company.Http.SendJson(HttpMethod.Put, $"/api/creditors/{company.CreditorId}",
            new Creditors.CreditorProfile("某公司", Creditors.CreditorKind.Organization, "11010519491231002X", null));
        ProblemAssert.Field(400, "identityNumber", (orgWithId, orgProblem), "GB 32100");

        var person = await zhang.Http.PutOk<Creditors.CreditorView>($"/api/creditors/{zhang.CreditorId}",
            new Creditors.CreditorProfile("张三", Creditors.CreditorKind.Person, "11010519491231002x", "13812345678"));
        Assert.Equal("110***********002X", person.MaskedIdentityNumber);
        Assert.Equal("138****5678", person.MaskedPhone);
        var read = await zhang.Http.GetOk<Creditors.CreditorView>($"/api/creditors/{zhang.CreditorId}");
        Assert.Equal(person, read);
        Assert.DoesNotContain("19491231", await zhang.Http.GetStringAsync($"/api/creditors/{zhang.CreditorId}"), StringComparison.Ordinal);
        var full = await zhang.Http.GetOk<Creditors.CreditorProfile>($"/api/creditors/{zhang.CreditorId}/unmasked");
        Assert.Equal("11010519491231002X", full.IdentityNumber);
        Assert.Equal("13812345678", full.Phone);
        Assert.Equal(full, await Administrator.Http.GetOk<Creditors.CreditorProfile>($"/api/creditors/{zhang.CreditorId}/unmasked"));
        var (nosy, nosyProblem) = await company.Http.SendRaw(HttpMethod.Get, $"/api/creditors/{zhang.CreditorId}/unmasked", null);
        ProblemAssert.Field(403, "creditorId", (nosy, nosyProblem));
        var (forAnother, forAnotherProblem) = await company.Http.SendJson(HttpMethod.Put, $"/api/creditors/{zhang.CreditorId}",
            new Creditors.CreditorProfile("冒名", Creditors.CreditorKind.Person, "11010519491231002X", null));
        ProblemAssert.Field(403, "creditorId", (forAnother, forAnotherProblem));
        var org = await company.Http.PutOk<Creditors.CreditorView>($"/api/creditors/{company.CreditorId}",
            new Creditors.CreditorProfile("某公司", Creditors.CreditorKind.Organization, "91350100M000100Y43", null));
        Assert.Equal("913***********0Y43", org.MaskedIdentityNumber);
    }

    [Fact]
    public async Task Watchers_of_the_case_see_each_change_of_a_claim()
    {
        await using var hub = await server.ConnectHubAsync(Administrator);
        await hub.InvokeAsync<CaseView>("WatchCase", scenario.CaseId);
        var (_, claim) = await Declare(7, 100_00);

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
}
