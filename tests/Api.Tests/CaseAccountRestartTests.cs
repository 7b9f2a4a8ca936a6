using CaseGrains.CaseAccounts;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>The account is rebuilt from its stored facts: after a restart its balance, holds, transfers and pending approvals are what they were.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAccountRestartTests(PostgresServer postgres)
{
    [Fact]
    public async Task Balance_holds_transfers_and_pending_approvals_survive_a_restart()
    {
        var database = await postgres.CreateDatabaseAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        CaseAccountKit account;
        string before, transfersBefore, depositsBefore, pendingBefore;
        int ledgerBefore;
        TransferView waiting;
        await using (var server = await ServerHost.StartAsync(database, clock: clock))
        {
            account = await CaseAccountKit.OpenAsync(server, "restart-fund");
            await account.Scenario.CreditorsDeclareAndAreConfirmedAsync(2);
            await account.DepositAsync(400_000_00, "CMB-1");
            await account.DepositAsync(100_000_00, "CMB-2", "拍卖：车辆两台");
            Assert.Equal(200, (await account.TransferAsync(50_000_00)).Status);
            (_, waiting) = await account.TransferAsync(120_000_00);
            var (_, rejected) = await account.TransferAsync(110_000_00);
            await account.RejectAsync(rejected.TransferId, "金额有误");
            Assert.Equal(200, (await account.DistributeAsync(new DistributionRequest(1_000_00, "第一次分配", ClaimClass.Ordinary))).Status);
            await account.Judge.Http.PutOk<CaseAccountView>($"{account.Url}/limits", new SetLimitsRequest(125_000_00, 300_000_00, 1_000_000_00, "调整单笔限额"));
            var (_, withdrawn) = await account.TransferAsync(130_000_00);
            await account.Administrator.Http.PostOk<TransferView>($"{account.Url}/transfers/{withdrawn.TransferId}/cancellation", new CancellationRequest());

            before = Json(await account.AccountAsync());
            transfersBefore = Json(await account.TransfersAsync());
            depositsBefore = Json(await account.Judge.Http.GetOk<List<DepositView>>($"{account.Url}/deposits"));
            pendingBefore = Json(await account.PendingAsync());
            ledgerBefore = (await account.LedgerAsync()).Count;
        }

        await using var again = await ServerHost.StartAsync(database, clock: clock);
        var judge = account.Judge.On(again).Http;
        var administrator = account.Administrator.On(again).Http;

        // The first thing the judge opens is the dashboard: the case knows it has an account, and its waiting transfer is there.
        var dashboard = await judge.GetOk<CaseGrains.WebFront.Dashboard.JudgeDashboard>("/api/judge/dashboard");
        var item = Assert.Single(dashboard.Cases.Single(c => c.CaseId == account.CaseId).Waiting,
            w => w.Kind == CaseGrains.WebFront.Dashboard.WaitingItemKinds.TransferApproval);
        Assert.Equal(waiting.TransferId, item.Subject);
        Assert.True((await judge.GetOk<CaseView>($"/api/cases/{account.CaseId}")).HasAccount);

        Assert.Equal(before, Json(await judge.GetOk<CaseAccountView>(account.Url)));
        Assert.Equal(transfersBefore, Json(await judge.GetOk<List<TransferView>>($"{account.Url}/transfers")));
        Assert.Equal(depositsBefore, Json(await administrator.GetOk<List<DepositView>>($"{account.Url}/deposits")));
        Assert.Equal(pendingBefore, Json(await judge.GetOk<List<PendingApproval>>($"{account.Url}/pending-approvals")));
        // Activation recorded no second round for the distribution it read back.
        Assert.Equal(1, (await judge.GetOk<CaseView>($"/api/cases/{account.CaseId}")).DistributionRounds);

        var approved = await judge.PostOk<TransferView>($"{account.Url}/transfers/{waiting.TransferId}/approval", new ApprovalRequest());
        Assert.Equal((TransferStatus.Executed, 500_000_00L - 50_000_00 - 1_000_00 - 120_000_00), (approved.Status, approved.BalanceAfterFen));
        var (_, next) = await CaseAccountKit.SendAsync<TransferView>(account.Administrator.On(again), $"{account.Url}/transfers",
            new TransferRequest(CaseAccountKit.Appraiser, 1_00, "p"));
        Assert.Equal("T00006", next.TransferId);
        ProblemAssert.Field(409, "reference", await administrator.SendJson(HttpMethod.Post, $"{account.Url}/deposits", new DepositRequest(1, "s", "CMB-2")));
        var entries = await judge.GetOk<CaseGrains.Ledger.LedgerEntriesPage>($"/api/cases/{account.CaseId}/ledger/entries?start={ledgerBefore}&count=100");
        Assert.Equal(["transfer.approved", "transfer.executed", "transfer.requested", "transfer.executed"], entries.Entries.Select(e => e.Kind));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options);
}
