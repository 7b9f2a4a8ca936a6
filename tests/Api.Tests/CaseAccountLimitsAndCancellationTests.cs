using System.Net;
using CaseGrains.CaseAccounts;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.Dashboard;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The account's limits after opening: only the case's judge changes them, and new transfers are checked against the
/// new ones. A transfer waiting for the judge can be withdrawn by the administrator, which releases what it held.
/// Both are ledger entries and live changes like every other step of the money.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAccountLimitsAndCancellationTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseAccountKit account = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), clock: new ManualClock(DateTimeOffset.UtcNow));
        account = await CaseAccountKit.OpenAsync(server, "limits-case");
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task The_judge_raises_the_per_transfer_limit_and_the_administrator_cannot_so_a_transfer_once_over_it_executes_at_once()
    {
        await using var hub = await server.ConnectHubAsync(account.Administrator);
        await hub.InvokeAsync("WatchCase", account.CaseId);
        await account.DepositAsync(500_000_00, "CMB-1");
        var (before, waiting) = await account.TransferAsync(150_000_00);
        Assert.Equal(202, before);

        var (byAdministrator, _) = await account.Administrator.Http.SendJson(HttpMethod.Put, $"{account.Url}/limits", new SetLimitsRequest(1_000_000_00, 1_000_000_00, 2_000_000_00));
        Assert.Equal((int)HttpStatusCode.Forbidden, byAdministrator);
        Assert.Equal(CaseAccountKit.Limits, (await account.AccountAsync()).Limits);

        var raised = new AccountLimits(200_000_00, 300_000_00, 1_000_000_00);
        var view = await account.Judge.Http.PutOk<CaseAccountView>($"{account.Url}/limits",
            new SetLimitsRequest(raised.PerTransferFen, raised.PerDayFen, raised.CumulativeFen, "拍卖款到位，调整单笔限额"));

        Assert.Equal(raised, view.Limits);
        Assert.Equal(raised, (await hub.WaitForAsync<CaseAccountView>("account", a => a.Limits == raised, TimeSpan.FromSeconds(10))).Limits);
        var (after, executed) = await account.TransferAsync(150_000_00);
        Assert.Equal((200, TransferStatus.Executed), (after, executed.Status));
        // What already waited keeps waiting for the judge's decision.
        Assert.Equal(waiting.TransferId, Assert.Single(await account.PendingAsync()).TransferId);
        var changed = Assert.Single(await account.LedgerAsync(), e => e.Kind == "account.limitsChanged");
        Assert.Equal((account.Judge.Username, 200_000_00L, 100_000_00L, "拍卖款到位，调整单笔限额"),
            (changed.Actor, (long)changed.Data["perTransferFen"]!, (long)changed.Data["previous"]!["perTransferFen"]!, (string?)changed.Data["reason"]));
    }

    [Fact]
    public async Task The_administrator_withdraws_a_waiting_transfer_which_frees_its_amount_and_leaves_the_judges_list()
    {
        await using var hub = await server.ConnectHubAsync(account.Judge);
        await hub.InvokeAsync("WatchCase", account.CaseId);
        await account.DepositAsync(200_000_00, "CMB-1");
        var (_, waiting) = await account.TransferAsync(150_000_00);
        Assert.Equal(50_000_00, (await account.AccountAsync()).AvailableFen);

        var (byJudge, _) = await account.Judge.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/cancellation", new CancellationRequest());
        Assert.Equal((int)HttpStatusCode.Forbidden, byJudge);
        var cancelled = await account.Administrator.Http.PostOk<TransferView>($"{account.Url}/transfers/{waiting.TransferId}/cancellation",
            new CancellationRequest("付款对象有误"));

        Assert.Equal((TransferStatus.Cancelled, account.Administrator.Username, "付款对象有误"), (cancelled.Status, cancelled.DecidedBy, cancelled.DecisionReason));
        await hub.WaitForAsync<TransferView>("transfer", t => t.TransferId == waiting.TransferId && t.Status == TransferStatus.Cancelled, TimeSpan.FromSeconds(10));
        // The first view after the withdrawal: one transfer asked for, none waiting (earlier views had none asked for, or one waiting).
        var view = await hub.WaitForAsync<CaseAccountView>("account", a => a.Transfers == 1 && a.PendingApprovals.Count == 0, TimeSpan.FromSeconds(10));
        Assert.Equal((200_000_00L, 0L, 200_000_00L), (view.BalanceFen, view.ReservedFen, view.AvailableFen));
        Assert.Empty(await account.PendingAsync());
        var dashboard = await account.Judge.Http.GetOk<JudgeDashboard>("/api/judge/dashboard");
        Assert.DoesNotContain(dashboard.Cases.Single(c => c.CaseId == account.CaseId).Waiting, w => w.Kind == WaitingItemKinds.TransferApproval);
        ProblemAssert.Field(409, "transferId", await account.Judge.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/approval", new ApprovalRequest()));
        ProblemAssert.Field(409, "transferId", await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers/{waiting.TransferId}/cancellation", new CancellationRequest()));
        Assert.Equal(["transfer.requested", "transfer.cancelled"], await account.LedgerKindsOfAsync(waiting.TransferId));
        Assert.Equal(200_000_00, (await account.AccountAsync()).BalanceFen);
    }
}
