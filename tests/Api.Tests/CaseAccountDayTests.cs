using CaseGrains.CaseAccounts;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>The per-day limit counts the court's day (Asia/Shanghai): at the court's midnight the day's total starts again.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAccountDayTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_per_day_limit_starts_again_at_midnight_in_the_court_not_in_UTC()
    {
        // Sign-in codes are checked against the server's clock, so it starts at the real time; just after the court's
        // midnight it starts a little earlier, so that reaching the next midnight never takes a whole day (sessions
        // here live at most a day without use).
        var now = DateTimeOffset.UtcNow;
        var local = TimeZoneInfo.ConvertTime(now, CourtDay.Zone);
        var clock = new ManualClock(local.TimeOfDay < TimeSpan.FromSeconds(15) ? now.AddSeconds(-20) : now);
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Security:SessionIdle"] = "1.00:00:00",
            ["Security:SessionAbsolute"] = "7.00:00:00",
        }, clock);
        var account = await CaseAccountKit.OpenAsync(server, "day-fund", new AccountLimits(100_000_00, 150_000_00, 1_000_000_00));
        await account.DepositAsync(1_000_000_00, "CMB-1");
        var startLocal = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), CourtDay.Zone);
        var midnight = new DateTimeOffset(startLocal.Date.AddDays(1), startLocal.Offset);
        clock.Advance(midnight - clock.GetUtcNow() - TimeSpan.FromSeconds(1));

        Assert.Equal(200, (await account.TransferAsync(100_000_00)).Status);
        var (late, lateTransfer) = await account.TransferAsync(50_000_01);
        Assert.Equal(202, late);
        Assert.Equal([TransferLimit.PerDay], lateTransfer.ExceededLimits);
        var before = await account.AccountAsync();
        Assert.Equal((DateOnly.FromDateTime(startLocal.Date), 100_000_00L), (before.CourtDay, before.PaidTodayFen));

        clock.Advance(TimeSpan.FromSeconds(2));

        var after = await account.AccountAsync();
        Assert.Equal((DateOnly.FromDateTime(startLocal.Date).AddDays(1), 0L, 100_000_00L), (after.CourtDay, after.PaidTodayFen, after.PaidTotalFen));
        var (status, next) = await account.TransferAsync(100_000_00);
        Assert.Equal(200, status);
        Assert.Equal(TransferStatus.Executed, next.Status);
        Assert.Equal(200, (await account.TransferAsync(50_000_00)).Status);
        // The one held yesterday executes today when approved, and counts on today.
        await account.ApproveAsync(lateTransfer.TransferId);
        Assert.Equal(200_000_01, (await account.AccountAsync()).PaidTodayFen);
        var executed = (await account.LedgerAsync()).Where(e => e.Kind == "transfer.executed").Select(e => (string?)e.Data["day"]).ToList();
        var yesterday = DateOnly.FromDateTime(startLocal.Date).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(startLocal.Date).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal([yesterday, today, today, today], executed);
    }
}
