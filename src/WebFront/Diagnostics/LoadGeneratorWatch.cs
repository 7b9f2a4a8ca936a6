using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Diagnostics;

/// <summary>
/// Stops the server once the load generator named by <see cref="LoadTestOptions.StopWithProcess"/> has exited. The
/// generator stops its servers itself when it ends normally; this covers it being killed or aborting.
/// </summary>
public sealed class LoadGeneratorWatch(IOptions<LoadTestOptions> options, IHostApplicationLifetime lifetime, ILogger<LoadGeneratorWatch> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.StopWithProcess is not { } generator) return;
        using var timer = new PeriodicTimer(Interval);
        while (ProcessLiveness.IsRunning(generator) && await timer.WaitForNextTickAsync(stoppingToken))
        {
        }
        if (stoppingToken.IsCancellationRequested) return;
        log.LogWarning("The load generator (process {ProcessId}) that started this server has exited; stopping.", generator);
        lifetime.StopApplication();
    }
}
