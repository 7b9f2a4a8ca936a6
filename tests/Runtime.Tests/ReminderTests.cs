using CaseGrains.Runtime.Tests.Probes;
using CaseGrains.Testing;

namespace CaseGrains.Runtime.Tests;

/// <summary>Stored reminders fire once due, on a fresh activation or after a restart, and stay until a call succeeds.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReminderTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_due_reminder_fires_once_on_a_node_that_never_saw_the_grain_and_is_then_gone()
    {
        var database = await postgres.CreateDatabaseAsync();
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        var future = DateTimeOffset.UtcNow.AddHours(1);
        await using (var first = await RuntimeNode.StartAsync(database, "n1"))
        {
            await first.Runtime.Get<IAlarmProbeGrain>("a").Set("close", due);
            await first.Runtime.Get<IAlarmProbeGrain>("b").Set("later", future);
        }

        await using var second = await RuntimeNode.StartAsync(database, "n2");
        Assert.Equal(1, await second.Reminders.FireDueAsync(CancellationToken.None, waitForCalls: true));

        var fired = Assert.Single(second.Witness.Reminded);
        Assert.Equal(("a", "close"), (fired.Key, fired.Name));
        Assert.Equal(due.ToUnixTimeMilliseconds(), fired.Due.ToUnixTimeMilliseconds());
        Assert.Equal(0, await second.Reminders.FireDueAsync(CancellationToken.None, waitForCalls: true));
        Assert.Equal(["later"], await Names(second));
    }

    [Fact]
    public async Task A_reminder_the_grain_moves_while_it_fires_is_kept_and_a_cleared_one_never_fires()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        await node.Runtime.Get<IAlarmProbeGrain>("move-1").Set("due", DateTimeOffset.UtcNow.AddSeconds(-1));
        await node.Runtime.Get<IAlarmProbeGrain>("c").Set("due", DateTimeOffset.UtcNow.AddSeconds(-1));
        await node.Runtime.Get<IAlarmProbeGrain>("c").Clear("due");

        await node.Reminders.FireDueAsync(CancellationToken.None, waitForCalls: true);

        Assert.Equal("move-1", Assert.Single(node.Witness.Reminded).Key);
        Assert.Equal(["due"], await Names(node));
    }

    [Fact]
    public async Task A_reminder_whose_call_fails_stays_and_is_tried_again_later()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        var before = DateTimeOffset.UtcNow;
        await node.Runtime.Get<IAlarmProbeGrain>("fail-1").Set("due", before.AddSeconds(-1));

        await node.Reminders.FireDueAsync(CancellationToken.None, waitForCalls: true);

        Assert.Single(node.Witness.Reminded);
        Assert.Equal(0, await node.Reminders.FireDueAsync(CancellationToken.None, waitForCalls: true));
        await using var read = node.DataSource.CreateCommand("select due_at from grain_reminder");
        var retryAt = (DateTime)(await read.ExecuteScalarAsync())!;
        Assert.True(retryAt >= before.UtcDateTime + Silo.Activations.ReminderService.RetryDelay - TimeSpan.FromSeconds(1));
    }

    private static async Task<List<string>> Names(RuntimeNode node)
    {
        await using var read = node.DataSource.CreateCommand("select name from grain_reminder order by name");
        var names = new List<string>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }
}
