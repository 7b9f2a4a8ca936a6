using CaseGrains.CaseAccounts;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Transfers sent at once are decided one at a time against everything decided before them: however they interleave,
/// no limit is passed without the judge, the money held is never spent twice, and the balance never goes below zero.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAccountConcurrencyTests(PostgresServer postgres)
{
    [Fact]
    public async Task Forty_transfers_at_once_never_breach_a_limit_or_the_balance()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), clock: new ManualClock(DateTimeOffset.UtcNow));
        // Per transfer 100 yuan, per day 500 yuan: of 40 transfers of 30 yuan against 1,000 yuan, 16 fit the day (480),
        // 17 more can be held for the judge (510 of the 520 left), and the last 7 find 10 yuan available.
        var account = await CaseAccountKit.OpenAsync(server, "busy-fund", new AccountLimits(100_00, 500_00, 100_000_00));
        await account.DepositAsync(1_000_00, "CMB-1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers",
                new TransferRequest(CaseAccountKit.Appraiser, 30_00, $"第{i + 1}笔"))));

        Assert.Equal((16, 17, 7), (answers.Count(a => a.Status == 200), answers.Count(a => a.Status == 202), answers.Count(a => a.Status == 409)));
        Assert.All(answers.Where(a => a.Status == 409), a => ProblemAssert.Field(409, "amountFen", a));
        var held = await account.AccountAsync();
        Assert.Equal((1_000_00L - 480_00, 510_00L, 10_00L, 480_00L), (held.BalanceFen, held.ReservedFen, held.AvailableFen, held.PaidTodayFen));
        var pending = await account.PendingAsync();
        Assert.Equal(17, pending.Count);
        Assert.All(pending, p => Assert.Equal([TransferLimit.PerDay], p.ExceededLimits));

        // The judge approves all of them at once, while the administrator keeps asking for more.
        var approvals = pending.Select(p => account.ApproveAsync(p.TransferId)).ToList();
        var more = Enumerable.Range(0, 10).Select(_ => account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/transfers",
            new TransferRequest(CaseAccountKit.Appraiser, 10_00, "追加"))).ToList();
        var approved = await Task.WhenAll(approvals);
        var extra = await Task.WhenAll(more);

        Assert.All(approved, t => Assert.Equal(TransferStatus.Executed, t.Status));
        // Only 10 yuan was ever free: exactly one 10-yuan request got it (executed if it came before every approval,
        // since the day had 20 yuan left then; held otherwise), and the other nine were refused.
        Assert.Equal((1, 9), (extra.Count(e => e.Status is 200 or 202), extra.Count(e => e.Status == 409)));
        var final = await account.AccountAsync();
        Assert.Equal(0, final.AvailableFen);
        Assert.Equal(final.BalanceFen, final.ReservedFen);
        Assert.Equal(1_000_00, final.BalanceFen + final.PaidTotalFen);
        var transfers = await account.TransfersAsync();
        Assert.Equal(34, transfers.Count);
        var executed = transfers.Where(t => t.Status == TransferStatus.Executed).OrderByDescending(t => t.BalanceAfterFen).ToList();
        Assert.Equal(final.PaidTotalFen, executed.Sum(t => t.AmountFen));
        // One after another: each balance is the one before less the transfer's amount, and never below zero.
        var balance = 1_000_00L;
        foreach (var t in executed)
        {
            balance -= t.AmountFen;
            Assert.Equal(balance, t.BalanceAfterFen);
        }
        Assert.True(balance >= 0);
        var ledger = await account.LedgerAsync();
        Assert.Equal((34, executed.Count, 17), (ledger.Count(e => e.Kind == "transfer.requested"), ledger.Count(e => e.Kind == "transfer.executed"), ledger.Count(e => e.Kind == "transfer.approved")));
    }
}
