using CaseGrains.Cases;
using CaseGrains.Creditors;
using CaseGrains.Departments;
using CaseGrains.Meetings;
using CaseGrains.Silo.Activations;
using CaseGrains.Silo.Storage;
using CaseGrains.WebFront;
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
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<IGrainStore, PostgresGrainStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new GrainRegistry()
            .Add<ICaseGrain, CaseGrain>("case")
            .Add<ICreditorGrain, CreditorGrain>("creditor")
            .Add<ISourceDepartmentGrain, SourceDepartmentGrain>("department")
            .Add<IMeetingGrain, MeetingGrain>("meeting"));
        builder.Services.AddSingleton<GrainRuntime>();
        builder.Services.AddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres");
        builder.Services.AddCaseGrainsWebFront();
        // Stops before the storage lifetime above and after the web front stopped taking requests.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<GrainRuntime>());
        // Stops before the grain runtime, so that no reminder calls into grains that are being deactivated.
        builder.Services.AddHostedService<ReminderService>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));

        var app = builder.Build();
        try
        {
            await app.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
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
