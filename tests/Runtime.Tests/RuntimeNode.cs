using CaseGrains.Ledger;
using CaseGrains.Runtime.Tests.Probes;
using CaseGrains.Silo.Activations;
using CaseGrains.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseGrains.Runtime.Tests;

/// <summary>A grain runtime on a real database, as one node of the cluster: the same code the server runs.</summary>
public sealed class RuntimeNode : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private RuntimeNode(ServiceProvider services, NpgsqlDataSource dataSource)
    {
        this.services = services;
        DataSource = dataSource;
        Runtime = services.GetRequiredService<GrainRuntime>();
    }

    public GrainRuntime Runtime { get; }
    public NpgsqlDataSource DataSource { get; }
    public ProbeWitness Witness => services.GetRequiredService<ProbeWitness>();
    public ReminderService Reminders => services.GetRequiredService<ReminderService>();

    public static async Task<RuntimeNode> StartAsync(string connectionString, string node, GrainRuntimeOptions? options = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton(NpgsqlDataSource.Create(connectionString));
        collection.AddMetrics();
        collection.AddSingleton<StorageMetrics>();
        collection.AddSingleton<LedgerTail>();
        collection.AddSingleton<IGrainStore, PostgresGrainStore>();
        collection.AddSingleton<ProbeWitness>();
        collection.AddSingleton(new GrainRegistry().Add<IProbeGrain, ProbeGrain>("probe").Add<IAlarmProbeGrain, AlarmProbeGrain>("alarm")
            .Add<ICommitProbeGrain, CommitProbeGrain>("commitprobe"));
        var settings = options ?? new GrainRuntimeOptions();
        settings.NodeName = node;
        collection.AddSingleton(Options.Create(settings));
        collection.AddSingleton<GrainRuntime>();
        collection.AddSingleton(TimeProvider.System);
        collection.AddSingleton<ReminderService>();
        var services = collection.BuildServiceProvider();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await new SchemaMigrator(dataSource, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var started = new RuntimeNode(services, dataSource);
        await started.Runtime.StartAsync(CancellationToken.None);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await Runtime.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }
}
