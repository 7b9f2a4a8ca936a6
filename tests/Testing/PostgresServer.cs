using Xunit;
using CaseGrains.Silo.Storage;
using Npgsql;

namespace CaseGrains.Testing;

/// <summary>
/// One private PostgreSQL for a test assembly (xunit assembly fixture through a collection), with a fresh database per
/// test that asks for one. fsync is off: the tests restart the server, not the machine.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private EmbeddedPostgres? server;
    private int databases;

    public string AdminConnectionString => server?.ConnectionString ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "casegrains-tests");
        await EmbeddedPostgres.RemoveLeftoversAsync(root);
        var folder = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        server = await EmbeddedPostgres.StartAsync(folder, durable: false);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            var name = $"t{Interlocked.Increment(ref databases)}_{Guid.NewGuid():N}"[..20];
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {name}", connection);
            await create.ExecuteNonQueryAsync();
            return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (server is null) return;
        await server.StopAsync();
        try
        {
            Directory.Delete(server.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
