using CaseGrains.Silo.Storage;
using Npgsql;

namespace CaseGrains.Load.Targets;

/// <summary>
/// A private PostgreSQL for the servers the generator starts itself, with fsync and synchronous commit on (numbers
/// from a database that may lose commits would flatter the vote path). Each server gets a fresh database.
/// </summary>
public sealed class EmbeddedDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgres server;
    private int databases;

    private EmbeddedDatabase(EmbeddedPostgres server) => this.server = server;

    public static async Task<EmbeddedDatabase> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "casegrains-load");
        await EmbeddedPostgres.RemoveLeftoversAsync(root);
        var folder = Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new EmbeddedDatabase(await EmbeddedPostgres.StartAsync(folder, durable: true));
    }

    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"load{Interlocked.Increment(ref databases)}";
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database {name}", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        await server.StopAsync();
        try
        {
            Directory.Delete(server.DataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
