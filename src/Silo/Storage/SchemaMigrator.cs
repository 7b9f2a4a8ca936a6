using System.Reflection;
using Npgsql;

namespace CaseGrains.Silo.Storage;

/// <summary>
/// Applies the numbered SQL files under Storage/Migrations in order, each once, each in its own transaction.
/// An advisory lock keeps two nodes that start together from applying the same file twice.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x43617365_47726169; // "CaseGrai"

    public static IReadOnlyList<(int Version, string Name, string Sql)> Migrations { get; } = Load();

    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var applied = 0;
        foreach (var (version, name, sql) in Migrations)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, transaction, $"select pg_advisory_xact_lock({LockKey})", cancellationToken);
            await Execute(connection, transaction, """
                create table if not exists schema_migration (
                    version    int primary key,
                    name       text not null,
                    applied_at timestamptz not null default now())
                """, cancellationToken);
            await using (var check = new NpgsqlCommand("select 1 from schema_migration where version = $1", connection, transaction))
            {
                check.Parameters.Add(new() { Value = version });
                if (await check.ExecuteScalarAsync(cancellationToken) is not null) continue;
            }
            await Execute(connection, transaction, sql, cancellationToken);
            await using (var record = new NpgsqlCommand("insert into schema_migration (version, name) values ($1, $2)", connection, transaction))
            {
                record.Parameters.Add(new() { Value = version });
                record.Parameters.Add(new() { Value = name });
                await record.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            LogApplied(logger, version, name);
            applied++;
        }
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.Contains(".Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            var file = resource[(resource.IndexOf(".Migrations.", StringComparison.Ordinal) + ".Migrations.".Length)..];
            var underscore = file.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(file[..underscore], out var version))
                throw new InvalidOperationException($"Migration {file} is not named NNNN_name.sql");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add((version, file, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 1; i < list.Count; i++)
            if (list[i].Item1 == list[i - 1].Item1) throw new InvalidOperationException($"Two migrations have version {list[i].Item1}");
        return list;
    }

    [LoggerMessage(LogLevel.Information, "Applied schema migration {Version} {Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
