using CaseGrains.Silo.Storage;
using CaseGrains.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CaseGrains.Runtime.Tests;

[Collection(PostgresCollection.Name)]
public sealed class SchemaMigratorTests(PostgresServer postgres)
{
    [Fact]
    public async Task Every_migration_is_applied_once_even_when_two_nodes_start_together()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync());
        var migrator = new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance);

        var applied = await Task.WhenAll(migrator.MigrateAsync(CancellationToken.None), migrator.MigrateAsync(CancellationToken.None));

        Assert.Equal(SchemaMigrator.Migrations.Count, applied.Sum());
        Assert.Equal(0, await migrator.MigrateAsync(CancellationToken.None));
        await using var read = dataSource.CreateCommand("select array_agg(version order by version) from schema_migration");
        Assert.Equal(SchemaMigrator.Migrations.Select(m => m.Version).ToArray(), (int[])(await read.ExecuteScalarAsync())!);
    }
}
