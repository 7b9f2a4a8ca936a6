namespace CaseGrains.Silo.Storage;

/// <summary>Stops the embedded PostgreSQL after everything else has stopped (registered first, so stopped last).</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres? server) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null) await server.StopAsync();
    }
}
