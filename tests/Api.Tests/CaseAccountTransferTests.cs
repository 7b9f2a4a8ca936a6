using System.Net;
using CaseGrains.CaseAccounts;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The supervised account through the API, each step taken by the person whose step it is: a transfer within every
/// limit executes at once; one over a limit holds its amount and executes only when the case's judge approves it;
/// a rejection releases the amount; the balance never goes below zero; every step is an entry in the case ledger;
/// the judge watching the case sees each change; nobody outside the case's staff reads or moves the money.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAccountTransferTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseAccountKit account = null!;

    public async Task InitializeAsync()
    {
        // A frozen clock: every transfer of a test falls on one court day, whenever the test runs.
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), clock: new ManualClock(DateTimeOffset.UtcNow));
        account = await CaseAccountKit.OpenAsync(server, "fund-case");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options);

    [Fact]
    public async Task A_transfer_over_a_limit_waits_on_the_judges_dashboard_until_the_judge_approves_it()
    {
        // A case of the same court without an account has nothing of the kind waiting.
        var other = new CaseScenario(server, "fund-case-no-account");
        await other.OpenAsync();
        Assert.False((await other.Judge.Http.GetOk<CaseGrains.Cases.CaseView>($"/api/cases/{other.CaseId}")).HasAccount);
        Assert.True((await account.Judge.Http.GetOk<CaseGrains.Cases.CaseView>($"/api/cases/{account.CaseId}")).HasAccount);
        await account.DepositAsync(500_000_00, "CMB-20260601-0009");
        var (status, transfer) = await account.TransferAsync(100_000_01);
        Assert.Equal(202, status);

        var waiting = (await account.Judge.Http.GetOk<CaseGrains.WebFront.Dashboard.JudgeDashboard>("/api/judge/dashboard"))
            .Cases.Single(c => c.CaseId == account.CaseId).Waiting;
        var item = Assert.Single(waiting, w => w.Kind == CaseGrains.WebFront.Dashboard.WaitingItemKinds.TransferApproval);
        Assert.Equal((transfer.TransferId, "account"), (item.Subject, item.Reference));
        Assert.Empty((await account.Judge.Http.GetOk<CaseGrains.WebFront.Dashboard.JudgeDashboard>("/api/judge/dashboard"))
            .Cases.Single(c => c.CaseId == other.CaseId).Waiting);

        await account.ApproveAsync(transfer.TransferId);
        var after = (await account.Judge.Http.GetOk<CaseGrains.WebFront.Dashboard.JudgeDashboard>("/api/judge/dashboard"))
            .Cases.Single(c => c.CaseId == account.CaseId).Waiting;
        Assert.DoesNotContain(after, w => w.Kind == CaseGrains.WebFront.Dashboard.WaitingItemKinds.TransferApproval);
    }

    [Fact]
    public async Task A_transfer_within_every_limit_executes_at_once_and_each_step_is_in_the_ledger()
    {
        var deposit = await account.DepositAsync(500_000_00, "CMB-20260601-0001");
        Assert.Equal(("D00001", 500_000_00L), (deposit.DepositId, deposit.BalanceAfterFen));

        // Exactly the per-transfer limit is within it.
        var (status, transfer) = await account.TransferAsync(100_000_00);

        Assert.Equal(200, status);
        Assert.Equal(TransferStatus.Executed, transfer.Status);
        Assert.Empty(transfer.ExceededLimits);
        Assert.Equal(400_000_00, transfer.BalanceAfterFen);
        Assert.Equal(account.Administrator.Username, transfer.RequestedBy);
        Assert.Null(transfer.DecidedBy);
        var view = await account.AccountAsync();
        Assert.Equal((400_000_00L, 0L, 400_000_00L, 100_000_00L, 100_000_00L, 500_000_00L),
            (view.BalanceFen, view.ReservedFen, view.AvailableFen, view.PaidTodayFen, view.PaidTotalFen, view.DepositedTotalFen));
        Assert.Equal("755912345610888", view.AccountNumber);
        Assert.Equal("***********0888", view.AccountNumberMasked);
        Assert.Empty(view.PendingApprovals);
        Assert.Equal(Json(view), Json(await account.AccountAsync(account.Administrator)));

        Assert.Equal(["transfer.requested", "transfer.executed"], await account.LedgerKindsOfAsync(transfer.TransferId));
        var ledger = await account.LedgerAsync();
        var opened = Assert.Single(ledger, e => e.Kind == "account.opened");
        Assert.Equal((account.Judge.Username, "***********0888", 100_000_00L), (opened.Actor, (string?)opened.Data["accountNumber"], (long?)opened.Data["perTransferFen"]));
        var deposited = Assert.Single(ledger, e => e.Kind == "account.deposit");
        Assert.Equal((account.Administrator.Username, 500_000_00L, "CMB-20260601-0001"), (deposited.Actor, (long?)deposited.Data["amountFen"], (string?)deposited.Data["reference"]));
        var executed = Assert.Single(ledger, e => e.Kind == "transfer.executed");
        Assert.Equal((100_000_00L, 400_000_00L), ((long?)executed.Data["amountFen"], (long?)executed.Data["balanceAfterFen"]));
        // Creditors read the ledger too: no full account number and no payee name is in it.
        var text = string.Join("\n", ledger.Select(e => e.Data.ToJsonString()));
        Assert.DoesNotContain("755912345610888", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4000023309100123456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("资产评估有限公司", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_over_the_per_transfer_limit_waits_for_the_judge_and_executes_only_on_approval()
    {
        await account.DepositAsync(500_000_00, "CMB-1");

        var (status, waiting) = await account.TransferAsync(100_000_01, "支付拍卖佣金");

        Assert.Equal(202, status);
        Assert.Equal(TransferStatus.AwaitingApproval, waiting.Status);
        Assert.Equal([TransferLimit.PerTransfer], waiting.ExceededLimits);
        var held = await account.AccountAsync();
        Assert.Equal((500_000_00L, 100_000_01L, 399_999_99L, 0L), (held.BalanceFen, held.ReservedFen, held.AvailableFen, held.PaidTodayFen));
        var pending = Assert.Single(await account.PendingAsync());
        Assert.Equal((account.CaseId, waiting.TransferId, 100_000_01L, "支付拍卖佣金", 1, account.Administrator.Username),
            (pending.CaseId, pending.TransferId, pending.AmountFen, pending.Purpose, pending.Payees, pending.RequestedBy));
        Assert.Equal([TransferLimit.PerTransfer], pending.ExceededLimits);
        Assert.Equal(Json(new[] { pending }), Json(held.PendingApprovals));
        Assert.Equal(Json(new[] { pending }), Json(await account.Administrator.Http.GetOk<List<PendingApproval>>($"{account.Url}/pending-approvals")));
        // The administrator cannot approve their own transfer.
        var self = await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/approval", new ApprovalRequest());
        Assert.Equal(403, self.Status);
        Assert.Equal(TransferStatus.AwaitingApproval, (await account.Judge.Http.GetOk<TransferView>($"{account.Url}/transfers/{waiting.TransferId}")).Status);

        var approved = await account.ApproveAsync(waiting.TransferId, "评估报告已核");

        Assert.Equal(TransferStatus.Executed, approved.Status);
        Assert.Equal((account.Judge.Username, "评估报告已核", 399_999_99L), (approved.DecidedBy, approved.DecisionReason, approved.BalanceAfterFen));
        var after = await account.AccountAsync();
        Assert.Equal((399_999_99L, 0L, 100_000_01L), (after.BalanceFen, after.ReservedFen, after.PaidTodayFen));
        Assert.Empty(await account.PendingAsync());
        Assert.Equal(["transfer.requested", "transfer.approved", "transfer.executed"], await account.LedgerKindsOfAsync(waiting.TransferId));
        var again = await account.Judge.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/approval", new ApprovalRequest());
        ProblemAssert.Field(409, "transferId", again);
        Assert.Equal(399_999_99L, (await account.AccountAsync()).BalanceFen);
    }

    [Fact]
    public async Task Transfers_over_the_per_day_limit_wait_for_the_judge()
    {
        await account.DepositAsync(900_000_00, "CMB-1");
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await account.TransferAsync(100_000_00)).Status);

        var (status, waiting) = await account.TransferAsync(1);

        Assert.Equal(202, status);
        Assert.Equal([TransferLimit.PerDay], waiting.ExceededLimits);
        Assert.Equal(300_000_00, (await account.AccountAsync()).PaidTodayFen);
        var approved = await account.ApproveAsync(waiting.TransferId);
        Assert.Equal(TransferStatus.Executed, approved.Status);
        Assert.Equal((300_000_01L, 599_999_99L), ((await account.AccountAsync()).PaidTodayFen, (await account.AccountAsync()).BalanceFen));
        Assert.Equal(["transfer.requested", "transfer.approved", "transfer.executed"], await account.LedgerKindsOfAsync(waiting.TransferId));
    }

    [Fact]
    public async Task A_transfer_over_the_cumulative_limit_waits_and_so_does_every_one_after_the_judge_let_it_through()
    {
        var scenario = await CaseAccountKit.OpenAsync(server, "fund-case-2", new AccountLimits(100_000_00, 500_000_00, 250_000_00));
        await scenario.DepositAsync(500_000_00, "CMB-1");
        Assert.Equal(200, (await scenario.TransferAsync(100_000_00)).Status);
        Assert.Equal(200, (await scenario.TransferAsync(100_000_00)).Status);

        var (status, waiting) = await scenario.TransferAsync(100_000_00);

        Assert.Equal(202, status);
        Assert.Equal([TransferLimit.Cumulative], waiting.ExceededLimits);
        Assert.Equal(TransferStatus.Executed, (await scenario.ApproveAsync(waiting.TransferId)).Status);
        var (next, small) = await scenario.TransferAsync(1);
        Assert.Equal(202, next);
        Assert.Equal([TransferLimit.Cumulative], small.ExceededLimits);
        Assert.Equal(300_000_00, (await scenario.AccountAsync()).PaidTotalFen);
    }

    [Fact]
    public async Task A_rejected_transfer_releases_its_amount_and_never_executes()
    {
        await account.DepositAsync(150_000_00, "CMB-1");
        var (_, waiting) = await account.TransferAsync(120_000_00);

        var noReason = await account.Judge.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/rejection", new RejectionRequest(" "));
        ProblemAssert.Field(400, "reason", noReason);
        var rejected = await account.RejectAsync(waiting.TransferId, "用途说明不足，请补充合同");

        Assert.Equal(TransferStatus.Rejected, rejected.Status);
        Assert.Equal((account.Judge.Username, "用途说明不足，请补充合同"), (rejected.DecidedBy, rejected.DecisionReason));
        Assert.Null(rejected.ExecutedAt);
        var view = await account.AccountAsync();
        Assert.Equal((150_000_00L, 0L, 150_000_00L, 0L), (view.BalanceFen, view.ReservedFen, view.AvailableFen, view.PaidTotalFen));
        Assert.Empty(view.PendingApprovals);
        Assert.Equal(["transfer.requested", "transfer.rejected"], await account.LedgerKindsOfAsync(waiting.TransferId));
        var rejectedEntry = (await account.LedgerAsync()).Single(e => e.Kind == "transfer.rejected");
        Assert.Equal((account.Judge.Username, "用途说明不足，请补充合同"), (rejectedEntry.Actor, (string?)rejectedEntry.Data["reason"]));
        ProblemAssert.Field(409, "transferId",
            await account.Judge.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/approval", new ApprovalRequest()));
        Assert.Equal(150_000_00, (await account.AccountAsync()).BalanceFen);
    }

    [Fact]
    public async Task The_balance_never_goes_below_zero_and_a_held_amount_cannot_be_spent_twice()
    {
        var empty = await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers", new TransferRequest(CaseAccountKit.Appraiser, 1, "p"));
        ProblemAssert.Field(409, "amountFen", empty);
        await account.DepositAsync(150_000_00, "CMB-1");
        var over = await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers", new TransferRequest(CaseAccountKit.Appraiser, 150_000_01, "p"));
        ProblemAssert.Field(409, "amountFen", over);

        var (_, held) = await account.TransferAsync(120_000_00);
        var beyondHeld = await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers", new TransferRequest(CaseAccountKit.Appraiser, 30_000_01, "p"));
        var reason = ProblemAssert.Field(409, "amountFen", beyondHeld);
        Assert.Contains("30000.00 yuan available", reason, StringComparison.Ordinal);
        Assert.Equal(200, (await account.TransferAsync(30_000_00)).Status);
        Assert.Equal(TransferStatus.Executed, (await account.ApproveAsync(held.TransferId)).Status);

        var view = await account.AccountAsync();
        Assert.Equal((0L, 0L, 0L), (view.BalanceFen, view.ReservedFen, view.AvailableFen));
        ProblemAssert.Field(409, "amountFen",
            await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers", new TransferRequest(CaseAccountKit.Appraiser, 1, "p")));
        Assert.All(await account.TransfersAsync(), t => Assert.True(t.BalanceAfterFen >= 0));
    }

    [Fact]
    public async Task Nobody_outside_the_case_staff_reads_or_moves_the_money()
    {
        await account.DepositAsync(500_000_00, "CMB-1");
        var (_, waiting) = await account.TransferAsync(200_000_00);
        var other = await CaseAccountKit.OpenAsync(server, "other-fund-case", court: "广州市中级人民法院");
        await other.DepositAsync(10_000_00, "ICBC-1");
        var creditor = await account.Scenario.InviteAsync(account.Scenario.CreditorOf(0));
        var sameCourtJudge = await server.People.JudgeAsync("judge-same-court", CaseScenario.DefaultCourt);

        // The other case's administrator and judge, and this case's creditor: refused by policy, whatever they try.
        foreach (var (who, method, path, body) in new (Person, HttpMethod, string, object?)[]
                 {
                     (other.Administrator, HttpMethod.Get, "", null),
                     (other.Administrator, HttpMethod.Post, "/deposits", new DepositRequest(1, "s", "r")),
                     (other.Administrator, HttpMethod.Post, "/transfers", new TransferRequest(CaseAccountKit.Appraiser, 1, "p")),
                     (other.Administrator, HttpMethod.Post, "/distributions", new DistributionRequest(1, "p", Shares: [new DistributionShare("x", 1)])),
                     (other.Administrator, HttpMethod.Post, $"/transfers/{waiting.TransferId}/approval", new ApprovalRequest()),
                     (other.Judge, HttpMethod.Post, $"/transfers/{waiting.TransferId}/approval", new ApprovalRequest()),
                     (other.Judge, HttpMethod.Get, "/pending-approvals", null),
                     (creditor, HttpMethod.Get, "", null),
                     (creditor, HttpMethod.Get, "/transfers", null),
                     (creditor, HttpMethod.Get, "/pending-approvals", null),
                     (account.Administrator, HttpMethod.Post, $"/transfers/{waiting.TransferId}/rejection", new RejectionRequest("x")),
                     (account.Judge, HttpMethod.Post, "/transfers", new TransferRequest(CaseAccountKit.Appraiser, 1, "p")),
                 })
        {
            var (status, _) = body is null ? await who.Http.SendRaw(method, account.Url + path, null) : await who.Http.SendJson(method, account.Url + path, body);
            Assert.True(status == 403, $"{who.Username} {method} {path}: {status}");
        }

        // Another judge of the same court passes the court's policy, but only the case's judge decides.
        var notTheCaseJudge = await sameCourtJudge.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/approval", new ApprovalRequest());
        ProblemAssert.Field(403, "judgeId", notTheCaseJudge);
        var reopen = await account.Judge.Http.SendJson(HttpMethod.Put, account.Url,
            new OpenCaseAccountRequest("x", "123456789", "y", CaseAccountKit.Limits));
        ProblemAssert.Field(409, "caseId", reopen);

        var view = await account.AccountAsync();
        Assert.Equal((500_000_00L, 200_000_00L), (view.BalanceFen, view.ReservedFen));
        Assert.Equal(10_000_00, (await other.AccountAsync()).BalanceFen);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Judge.Http.GetAsync($"/api/cases/no-such-case/account")).StatusCode);
    }

    [Fact]
    public async Task The_judge_watching_the_case_sees_the_account_and_each_transfer_change_as_it_commits()
    {
        await using var hub = await server.ConnectHubAsync(account.Judge);
        await hub.InvokeAsync("WatchCase", account.CaseId);

        await account.DepositAsync(500_000_00, "CMB-1");
        var deposited = await hub.WaitForAsync<CaseAccountView>("account", a => a.BalanceFen == 500_000_00, TimeSpan.FromSeconds(10));
        Assert.Equal(1, deposited.Deposits);
        var (_, waiting) = await account.TransferAsync(150_000_00);
        var seen = await hub.WaitForAsync<TransferView>("transfer", t => t.TransferId == waiting.TransferId, TimeSpan.FromSeconds(10));
        Assert.Equal((TransferStatus.AwaitingApproval, account.CaseId), (seen.Status, seen.CaseId));
        var held = await hub.WaitForAsync<CaseAccountView>("account", a => a.PendingApprovals.Count == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(150_000_00, held.ReservedFen);

        await account.ApproveAsync(waiting.TransferId);

        var executed = await hub.WaitForAsync<TransferView>("transfer", t => t.TransferId == waiting.TransferId && t.Status == TransferStatus.Executed, TimeSpan.FromSeconds(10));
        Assert.Equal(350_000_00, executed.BalanceAfterFen);
        await hub.WaitForAsync<CaseAccountView>("account", a => a.BalanceFen == 350_000_00 && a.PendingApprovals.Count == 0, TimeSpan.FromSeconds(10));
    }
}
