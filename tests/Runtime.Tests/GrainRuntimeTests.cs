using CaseGrains.Runtime.Tests.Probes;
using CaseGrains.Silo.Activations;
using CaseGrains.Testing;
using Npgsql;

namespace CaseGrains.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class GrainRuntimeTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_thousand_concurrent_callers_never_overlap_inside_one_grain()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        var grain = node.Runtime.Get<IProbeGrain>("busy");

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => grain.Enter())));

        Assert.Equal(1, node.Witness.MostInside);
        Assert.Equal(Enumerable.Range(1, 1000), results.Order());
    }

    [Fact]
    public async Task Different_grains_run_side_by_side()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => node.Runtime.Get<IProbeGrain>($"g{i % 20}").Enter())));

        Assert.True(node.Witness.MostInside > 1, "twenty grains should have overlapped with each other at least once");
    }

    [Fact]
    public async Task An_idle_grain_is_collected_and_its_next_call_sees_the_persisted_state()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1",
            new GrainRuntimeOptions { CollectionAge = TimeSpan.FromMilliseconds(10), CollectionQuantum = TimeSpan.FromHours(1) });
        var grain = node.Runtime.Get<IProbeGrain>("sleepy");
        await grain.Increment();
        await grain.Increment();
        Assert.Equal(1, node.Runtime.ActivationCount);

        await WaitUntilIdle(node.Runtime, TimeSpan.FromMilliseconds(10));
        var collected = await node.Runtime.CollectIdleAsync();

        Assert.Equal(1, collected);
        Assert.Equal(0, node.Runtime.ActivationCount);
        Assert.Equal(1, node.Witness.Deactivated["sleepy"]);
        Assert.Equal(2, await grain.Count());
        Assert.Equal(2, node.Witness.Activated["sleepy"]);
    }

    [Fact]
    public async Task A_busy_grain_is_not_collected()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1",
            new GrainRuntimeOptions { CollectionAge = TimeSpan.FromHours(1), CollectionQuantum = TimeSpan.FromHours(1) });
        await node.Runtime.Get<IProbeGrain>("fresh").Increment();

        Assert.Equal(0, await node.Runtime.CollectIdleAsync());
        Assert.Equal(1, node.Runtime.ActivationCount);
    }

    [Fact]
    public async Task A_stale_version_write_is_refused_and_the_activation_reloads()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        var grain = node.Runtime.Get<IProbeGrain>("contested");
        Assert.Equal(1, await grain.Increment());

        // Someone else writes the row behind this activation's back.
        await using (var write = node.DataSource.CreateCommand(
            "update grain set state = '{\"count\": 100}', version = version + 1 where grain_type = 'probe' and grain_key = 'contested'"))
            Assert.Equal(1, await write.ExecuteNonQueryAsync());

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment());

        Assert.Equal(100, await grain.Count());
        Assert.Equal(101, await grain.Increment());
        Assert.Equal(2, node.Witness.Activated["contested"]);
    }

    [Fact]
    public async Task Two_nodes_never_both_write_the_same_grain()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await RuntimeNode.StartAsync(database, "n1");
        await using var second = await RuntimeNode.StartAsync(database, "n2");
        Assert.Equal(1, await first.Runtime.Get<IProbeGrain>("shared").Increment());

        // The second node activates the same grain: PostgreSQL hands it the lease.
        Assert.Equal(2, await second.Runtime.Get<IProbeGrain>("shared").Increment());

        await Assert.ThrowsAsync<InconsistentStateException>(() => first.Runtime.Get<IProbeGrain>("shared").Increment());
        Assert.Equal(3, await second.Runtime.Get<IProbeGrain>("shared").Increment());
        Assert.Equal(3, await StoredCount(first.DataSource, "shared"));
    }

    [Fact]
    public async Task A_cycle_of_non_reentrant_calls_ends_with_the_time_out_error()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1",
            new GrainRuntimeOptions { CallTimeout = TimeSpan.FromMilliseconds(500) });

        var call = node.Runtime.Get<IProbeGrain>("alice").CallPeer("bob");

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("did not complete within", error.Message, StringComparison.Ordinal);
        // Once the calls still queued in the cycle have timed out in turn, both grains answer again.
        Assert.InRange(await AnswerOnceFree(() => node.Runtime.Get<IProbeGrain>("alice").Enter()), 1, 20);
        Assert.InRange(await AnswerOnceFree(() => node.Runtime.Get<IProbeGrain>("bob").Enter()), 1, 20);
    }

    [Fact]
    public async Task A_call_that_waits_out_its_deadline_in_the_queue_times_out_and_never_runs()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1",
            new GrainRuntimeOptions { CallTimeout = TimeSpan.FromMilliseconds(300) });
        var grain = node.Runtime.Get<IProbeGrain>("held");
        var holding = grain.Hold();
        await node.Witness.Holding.Task;

        var queued = grain.Increment();
        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => queued.WaitAsync(TimeSpan.FromSeconds(30)));
        node.Witness.Gate.SetResult();
        // The holding call outlived its own deadline as well: its caller hears the time-out or, if the answer came as
        // the time ran out, the answer. Either way the turn is free once it ends.
        var held = await Record.ExceptionAsync(() => holding.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(held is null or GrainCallTimeoutException, $"the holding call ended with {held}");

        // The turn is free again, and the increment that timed out in the queue was dropped, not run late.
        Assert.Equal(0, await grain.Count());
    }

    [Fact]
    public async Task A_time_out_thrown_by_the_grain_itself_reaches_the_caller_as_it_is_not_as_the_call_timing_out()
    {
        await using var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");

        var error = await Assert.ThrowsAsync<TimeoutException>(() => node.Runtime.Get<IProbeGrain>("inner").TimeOutInside());

        Assert.Equal("the probe's own time-out", error.Message);
    }

    [Fact]
    public async Task Stopping_the_runtime_deactivates_every_grain_and_refuses_new_calls()
    {
        var node = await RuntimeNode.StartAsync(await postgres.CreateDatabaseAsync(), "n1");
        for (var i = 0; i < 5; i++) await node.Runtime.Get<IProbeGrain>($"s{i}").Increment();

        await node.Runtime.StopAsync(CancellationToken.None);

        Assert.Equal(5, node.Witness.Deactivated.Count);
        Assert.Equal(0, node.Runtime.ActivationCount);
        await Assert.ThrowsAsync<InvalidOperationException>(() => node.Runtime.Get<IProbeGrain>("s0").Count());
        await node.DisposeAsync();
    }

    private static async Task<int> AnswerOnceFree(Func<Task<int>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (GrainCallTimeoutException) when (attempt < 20)
            {
            }
        }
    }

    private static async Task WaitUntilIdle(GrainRuntime runtime, TimeSpan age)
    {
        // Idleness is measured on Environment.TickCount64; wait for that clock to pass the age, not a guess.
        var start = Environment.TickCount64;
        while (Environment.TickCount64 - start <= (long)age.TotalMilliseconds + 1) await Task.Delay(5);
        _ = runtime;
    }

    private static async Task<int> StoredCount(NpgsqlDataSource dataSource, string key)
    {
        await using var read = dataSource.CreateCommand("select (state->>'count')::int from grain where grain_type = 'probe' and grain_key = $1");
        read.Parameters.Add(new() { Value = key });
        return (int)(await read.ExecuteScalarAsync())!;
    }
}
