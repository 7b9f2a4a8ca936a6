using CaseGrains.Accounts;
using CaseGrains.CaseAccounts;
using CaseGrains.Cases;
using CaseGrains.Creditors;
using CaseGrains.Departments;
using CaseGrains.Ledger;
using CaseGrains.Meetings;
using CaseGrains.Sharing;
using CaseGrains.Silo.Activations;
using CaseGrains.Silo.Storage;
using CaseGrains.Silo.Storage.MachineApi;
using CaseGrains.WebFront;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseGrains.Silo.Hosting;

/// <summary>Builds the co-hosted server: grain runtime, PostgreSQL storage, HTTP API, SignalR hub and web pages.</summary>
public static class CaseGrainsServer
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);

        builder.Services.AddOptions<GrainRuntimeOptions>().BindConfiguration(GrainRuntimeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<CaseStoreOptions>().BindConfiguration(CaseStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString("CaseStore");
        EmbeddedPostgres? embedded = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var store = builder.Configuration.GetSection(CaseStoreOptions.Section).Get<CaseStoreOptions>() ?? new CaseStoreOptions();
            embedded = await EmbeddedPostgres.StartAsync(store.DataDirectory, store.Durable);
            connectionString = embedded.ConnectionString;
        }

        // Registered first so that it stops last, after the grains flushed.
        builder.Services.AddHostedService(_ => new EmbeddedPostgresLifetime(embedded));
        builder.Services.AddSingleton(_ =>
        {
            var source = new NpgsqlDataSourceBuilder(connectionString);
            // The same few statements run thousands of times a second (each group commit is three): prepared once per
            // connection, PostgreSQL stops parsing and planning them each time. A connection string's own setting wins.
            if (source.ConnectionStringBuilder.MaxAutoPrepare == 0) source.ConnectionStringBuilder.MaxAutoPrepare = 64;
            return source.Build();
        });
        // Drained on shutdown after the web front stopped, before storage stops.
        builder.Services.AddSingleton<PostgresAuditLog>();
        builder.Services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<PostgresAuditLog>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PostgresAuditLog>());
        builder.Services.AddDataProtection().SetApplicationName("CaseGrains");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>())));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<StorageMetrics>();
        builder.Services.AddSingleton<LedgerTail>();
        builder.Services.AddSingleton<IGrainStore, PostgresGrainStore>();
        builder.Services.AddClaimsAndMachineApiStorage();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new GrainRegistry()
            .Add<ICaseGrain, CaseGrain>("case")
            .Add<ICreditorGrain, CreditorGrain>("creditor")
            .Add<ISourceDepartmentGrain, SourceDepartmentGrain>("department")
            .Add<IMeetingGrain, MeetingGrain>("meeting")
            .Add<IAccountGrain, AccountGrain>("account")
            .Add<IInvitationGrain, InvitationGrain>("invitation")
            .Add<ICaseDirectoryGrain, CaseDirectoryGrain>("case-directory")
            .Add<ICaseAccountGrain, CaseAccountGrain>("case-account")
            .Add<ILedgerGrain, LedgerGrain>("ledger")
            .Add<ISharedDataGrain, SharedDataGrain>("shared-data"));
        builder.Services.AddSingleton(builder.Configuration.GetSection(MeetingSettings.Section).Get<MeetingSettings>() ?? new MeetingSettings());
        builder.Services.AddSingleton<GrainRuntime>();
        builder.Services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        builder.Services.AddCaseGrainsWebFront();
        // Stops before the storage lifetime above and after the web front stopped taking requests.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GrainRuntime>());
        builder.Services.AddHostedService<PlatformAdminBootstrap>();
        builder.Services.AddCaseGrainsLedger();
        // Stops before the grain runtime, so that no reminder calls into grains that are being deactivated.
        builder.Services.AddHostedService<ReminderService>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();
        try
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
            await app.Services.LoadLedgerKeysAsync(CancellationToken.None);
        }
        catch
        {
            if (embedded is not null) await embedded.StopAsync();
            throw;
        }
        app.MapCaseGrainsWebFront();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
