using System.Diagnostics;
using CaseGrains.Load.Targets;
using CaseGrains.Silo.Storage;
using CaseGrains.Testing;
using Npgsql;

namespace CaseGrains.Load.Tests;

/// <summary>
/// What a killed generator or test run leaves behind is cleaned up: the server it started stops itself, and the next
/// run stops the database it left running and removes its folder. A short-lived <c>sleep</c> stands in for the
/// killed process.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LeftoverTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_server_started_by_the_generator_stops_itself_once_the_generator_is_gone()
    {
        using var generator = StandIn();
        var settings = LoadTarget.DefaultServerSettings(commitEachBallot: false);
        settings["Load:StopWithProcess"] = generator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var server = await ServerProcess.StartAsync(await postgres.CreateDatabaseAsync(), settings);

        generator.Kill();
        await generator.WaitForExitAsync();

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await server.WaitForExitAsync(patience.Token);
    }

    [Fact]
    public async Task A_database_left_running_by_a_process_that_is_gone_is_stopped_and_its_folder_removed_and_a_live_ones_kept()
    {
        // Not CreateTempSubdirectory: its folder is private to this user, and as root the database runs as postgres.
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "casegrains-leftovers", Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var killed = StandIn();
            var left = await EmbeddedPostgres.StartAsync(Path.Combine(root, $"{killed.Id}-{Guid.NewGuid():N}"), durable: false);
            var live = Directory.CreateDirectory(Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
            killed.Kill();
            await killed.WaitForExitAsync();

            await EmbeddedPostgres.RemoveLeftoversAsync(root);

            Assert.False(Directory.Exists(left.DataDirectory));
            Assert.True(Directory.Exists(live));
            await using var connection = new NpgsqlConnection(left.ConnectionString + ";Pooling=false;Timeout=5");
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => connection.OpenAsync());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Process StandIn() => Process.Start("sleep", "600");
}
