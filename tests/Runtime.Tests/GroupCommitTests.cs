using CaseGrains.Runtime.Tests.Probes;
using CaseGrains.Testing;
using Npgsql;

namespace CaseGrains.Runtime.Tests;

/// <summary>
/// A group commit keeps the grain taking calls while a group's transaction is under way. Each test holds that
/// transaction in the real database with a row lock on the grain's lease, which the commit's fence must share.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GroupCommitTests(PostgresServer postgres)
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task While_a_group_commits_the_grain_answers_and_gathers_the_next_group_which_commits_after_it()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        var grain = node.Runtime.Get<ICommitProbeGrain>("pipelined");
        Assert.Empty(await grain.Applied());

        await using (var hold = await LeaseHold.TakeAsync(node.DataSource, "pipelined"))
        {
            var first = grain.Add(1);
            await hold.CommitWaitingAsync();

            // The first group's transaction is waiting in the database; the grain answers a read meanwhile.
            Assert.Empty(await grain.Applied().WaitAsync(Bound));
            var second = grain.Add(2);
            var third = grain.Add(3);
            Assert.Empty(await grain.Applied().WaitAsync(Bound));
            Assert.False(first.IsCompleted || second.IsCompleted || third.IsCompleted, "a number was answered before it committed");

            await hold.ReleaseAsync();
            await Task.WhenAll(first, second, third).WaitAsync(Bound);
        }

        Assert.Equal([1, 2, 3], await grain.Applied());
        // Two transactions: the first group alone, then the two numbers gathered while it committed.
        Assert.Equal([[1], [2, 3]], await GroupsAsync(node.DataSource, "pipelined"));
    }

    [Fact]
    public async Task A_flush_waits_for_the_group_under_way_then_commits_what_was_gathered_meanwhile()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        var grain = node.Runtime.Get<ICommitProbeGrain>("flushed");
        Assert.Empty(await grain.Applied());

        Task<IReadOnlyList<int>> flushed;
        await using (var hold = await LeaseHold.TakeAsync(node.DataSource, "flushed"))
        {
            var first = grain.Add(1);
            await hold.CommitWaitingAsync();
            var second = grain.Add(2);
            flushed = grain.FlushThenApplied();
            await node.Witness.Flushing.Task.WaitAsync(Bound);
            Assert.False(first.IsCompleted || second.IsCompleted || flushed.IsCompleted, "answered before the first group committed");
            await hold.ReleaseAsync();
            await Task.WhenAll(first, second).WaitAsync(Bound);
        }

        Assert.Equal([1, 2], await flushed.WaitAsync(Bound));
    }

    [Fact]
    public async Task A_failed_commit_fails_its_group_and_everything_gathered_and_the_next_activation_holds_only_what_committed()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        var grain = node.Runtime.Get<ICommitProbeGrain>("failing");
        await grain.Add(1);

        await using (var hold = await LeaseHold.TakeAsync(node.DataSource, "failing"))
        {
            var second = grain.Add(2);
            var waiting = await hold.CommitWaitingAsync();
            var third = grain.Add(3);
            Assert.Equal([1], await grain.Applied().WaitAsync(Bound));

            await hold.TerminateAsync(waiting);
            await Assert.ThrowsAnyAsync<Exception>(() => second.WaitAsync(Bound));
            await Assert.ThrowsAnyAsync<Exception>(() => third.WaitAsync(Bound));
        }

        Assert.Equal([1], await grain.Applied());
        await grain.Add(4);
        Assert.Equal([1, 4], await grain.Applied());
        Assert.Equal([[1], [4]], await GroupsAsync(node.DataSource, "failing"));
    }

    /// <summary>The stored numbers grouped by the transaction that wrote them, in order.</summary>
    private static async Task<List<List<int>>> GroupsAsync(NpgsqlDataSource dataSource, string key)
    {
        await using var command = dataSource.CreateCommand(
            "select xmin::text, (data->>'number')::int from grain_fact where grain_type = 'commitprobe' and grain_key = $1 order by seq");
        command.Parameters.Add(new() { Value = key });
        var groups = new List<List<int>>();
        string? last = null;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var transaction = reader.GetString(0);
            if (transaction != last) groups.Add([]);
            groups[^1].Add(reader.GetInt32(1));
            last = transaction;
        }
        return groups;
    }

    /// <summary>A transaction of the test's own holding the grain's lease row, so that a commit's fence waits for it.</summary>
    private sealed class LeaseHold : IAsyncDisposable
    {
        private readonly NpgsqlDataSource dataSource;
        private readonly NpgsqlConnection connection;
        private readonly NpgsqlTransaction transaction;

        private LeaseHold(NpgsqlDataSource dataSource, NpgsqlConnection connection, NpgsqlTransaction transaction)
        {
            this.dataSource = dataSource;
            this.connection = connection;
            this.transaction = transaction;
        }

        public static async Task<LeaseHold> TakeAsync(NpgsqlDataSource dataSource, string key)
        {
            var connection = await dataSource.OpenConnectionAsync();
            var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand(
                "select 1 from grain where grain_type = 'commitprobe' and grain_key = $1 for update", connection, transaction);
            command.Parameters.Add(new() { Value = key });
            Assert.Equal(1, await command.ExecuteScalarAsync());
            return new LeaseHold(dataSource, connection, transaction);
        }

        /// <summary>Waits until a commit's fence waits for this lock; returns that backend's process id.</summary>
        public async Task<int> CommitWaitingAsync()
        {
            using var timeout = new CancellationTokenSource(Bound);
            while (true)
            {
                await using var command = dataSource.CreateCommand("""
                    select pid from pg_stat_activity
                    where wait_event_type = 'Lock' and query like '%from grain where grain_type%for share%' and pid <> $1
                    """);
                command.Parameters.Add(new() { Value = connection.ProcessID });
                if (await command.ExecuteScalarAsync(timeout.Token) is int pid) return pid;
                await Task.Delay(10, timeout.Token);
            }
        }

        public Task ReleaseAsync() => transaction.CommitAsync();

        /// <summary>Ends the waiting commit's connection, so that its transaction fails.</summary>
        public async Task TerminateAsync(int pid)
        {
            await using var command = dataSource.CreateCommand("select pg_terminate_backend($1)");
            command.Parameters.Add(new() { Value = pid });
            Assert.Equal(true, await command.ExecuteScalarAsync());
        }

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
