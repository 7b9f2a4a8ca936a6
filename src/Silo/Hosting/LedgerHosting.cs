using CaseGrains.Ledger;
using CaseGrains.Silo.Storage;

namespace CaseGrains.Silo.Hosting;

/// <summary>Registers the case ledgers' storage, keys and checkpoint schedule.</summary>
public static class LedgerHosting
{
    /// <summary>Call after the grain runtime's hosted service, so that the schedule stops before the grains do.</summary>
    public static IServiceCollection AddCaseGrainsLedger(this IServiceCollection services)
    {
        services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PostgresLedgerStore>();
        services.AddSingleton<ILedgerStore>(sp => sp.GetRequiredService<PostgresLedgerStore>());
        services.AddSingleton<LedgerKeyLoader>();
        services.AddSingleton(sp => sp.GetRequiredService<LedgerKeyLoader>().Log);
        services.AddSingleton<ILedgerKeys>(sp => sp.GetRequiredService<LedgerLog>());
        services.AddSingleton<ILedgerIntegrity, LedgerIntegrityCheck>();
        services.AddSingleton<LedgerCheckpointScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerCheckpointScheduler>());
        return services;
    }

    /// <summary>Loads the signing key (creating and storing one on the first start); needs the migrated schema.</summary>
    public static Task LoadLedgerKeysAsync(this IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<LedgerKeyLoader>().LoadAsync(cancellationToken);
}
