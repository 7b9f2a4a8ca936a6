using CaseGrains.Ledger;
using CaseGrains.Silo.Storage;
using Microsoft.Extensions.Options;

namespace CaseGrains.Silo.Hosting;

/// <summary>
/// Publishes checkpoints on a schedule: every <see cref="LedgerOptions.CheckpointInterval"/>, each case whose ledger
/// has entries no checkpoint covers gets one. A ledger that refuses to sign (its stored rows no longer match its last
/// checkpoint) is logged as an error on every round until someone looks.
/// </summary>
public sealed partial class LedgerCheckpointScheduler(
    PostgresLedgerStore store, IGrainFactory grains, IOptions<LedgerOptions> options, ILogger<LedgerCheckpointScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.CheckpointInterval;
        if (interval <= TimeSpan.Zero)
            return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PublishDueAsync(stoppingToken);
                }
                // Whatever one round met, the next round tries again: a background service that throws stops the host.
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRoundFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: returns how many cases got a new checkpoint.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var published = 0;
        foreach (var caseId in await store.CasesAwaitingCheckpointAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var checkpoint = await grains.Get<ILedgerGrain>(caseId).PublishCheckpoint();
                LogPublished(logger, caseId, checkpoint.TreeSize);
                published++;
            }
            catch (RuleViolationException e)
            {
                LogRefused(logger, caseId, e.Message);
            }
            catch (GrainCallTimeoutException)
            {
                LogBusy(logger, caseId);
            }
        }
        return published;
    }

    [LoggerMessage(LogLevel.Debug, "Published the checkpoint of case {CaseId} at size {TreeSize}")]
    private static partial void LogPublished(ILogger logger, string caseId, long treeSize);

    [LoggerMessage(LogLevel.Error, "The ledger of case {CaseId} was not checkpointed: {Reason}")]
    private static partial void LogRefused(ILogger logger, string caseId, string reason);

    [LoggerMessage(LogLevel.Warning, "The ledger of case {CaseId} was too busy to checkpoint; the next round tries again")]
    private static partial void LogBusy(ILogger logger, string caseId);

    [LoggerMessage(LogLevel.Error, "A checkpoint round failed; the next round tries again")]
    private static partial void LogRoundFailed(ILogger logger, Exception e);
}
