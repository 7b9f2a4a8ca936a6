using CaseGrains.WebFront.MachineApi.Idempotency;
using CaseGrains.WebFront.MachineApi.Replay;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>Forgets nonces that can no longer be replayed and Idempotency-Keys past their published lifetime, every few minutes.</summary>
public sealed partial class MachineApiHousekeeping(
    ISignatureNonceStore nonces, IIdempotencyStore idempotency, TimeProvider clock, ILogger<MachineApiHousekeeping> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var nonceCount = await nonces.PurgeExpiredAsync(stoppingToken);
                    var keyCount = await idempotency.PurgeExpiredAsync(stoppingToken);
                    if (nonceCount + keyCount > 0) LogPurged(logger, nonceCount, keyCount);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(LogLevel.Information, "Forgot {Nonces} expired signature nonces and {Keys} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int nonces, int keys);

    [LoggerMessage(LogLevel.Warning, "Machine API housekeeping failed; it tries again later")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
