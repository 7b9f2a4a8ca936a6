using System.Diagnostics;
using CaseGrains.Load.Reporting;
using CaseGrains.Testing;
using Npgsql;

namespace CaseGrains.Load.Tests;

/// <summary>The CPU accounting reads the right processes and the right fields of /proc, checked against real work.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CpuAccountTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_query_that_keeps_one_backend_busy_adds_to_PostgreSQLs_CPU_time_no_more_than_it_took()
    {
        var database = await postgres.CreateDatabaseAsync();
        var account = await CpuAccount.ForAsync(serverProcessId: null, database);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var serial = new NpgsqlCommand("set max_parallel_workers_per_gather = 0", connection))
            await serial.ExecuteNonQueryAsync();

        var before = account.Read();
        var clock = Stopwatch.StartNew();
        await using (var busy = new NpgsqlCommand("select count(*) from generate_series(1, 20000000)", connection))
            await busy.ExecuteScalarAsync();
        var took = clock.Elapsed;
        var used = account.Read().Database - before.Database;

        Assert.NotNull(used);
        // One backend cannot use more CPU time than the query's wall time (plus the clock ticks' 10 ms and a little
        // background work); a misread field (page faults, say) would be far off either way.
        Assert.InRange(used.Value, TimeSpan.FromSeconds(0.1), took + TimeSpan.FromSeconds(0.3));
    }

    [Fact]
    public void A_stat_line_is_read_from_after_the_name_which_may_hold_spaces_and_parentheses()
    {
        var stat = ProcessStat.Parse(
            "4321 (postgres: walwriter (x)) S 4000 4000 4000 0 -1 4194368 91 0 0 0 150 25 7 3 20 0 1 0 12345 229019648 1234 18446744073709551615");

        Assert.Equal(4000, stat.Parent);
        Assert.Equal(175, stat.Own);
        Assert.Equal(10, stat.ReapedChildren);
    }

    [Fact]
    public void The_machine_line_counts_waiting_on_IO_as_idle_and_interrupts_as_busy()
    {
        var times = MachineCpuTimes.Parse("cpu  100 5 50 800 40 3 2 10 0 0");

        Assert.NotNull(times);
        Assert.Equal(TimeSpan.FromSeconds(1.6), times.Busy);
        Assert.Equal(TimeSpan.FromSeconds(8.4), times.Idle);
        Assert.Equal(TimeSpan.FromSeconds(0.1), times.Stolen);
    }
}
