using System.Collections.Concurrent;
using CaseGrains.Silo.Storage;
using Microsoft.Extensions.Options;

namespace CaseGrains.Silo.Activations;

/// <summary>
/// Fires the stored reminders whose time has come, every <see cref="GrainRuntimeOptions.ReminderQuantum"/>: calls the
/// grain's <see cref="IRemindable.ReceiveReminder"/> (activating it if needed) and then removes the reminder, unless
/// the grain moved it meanwhile. A call that fails is tried again after <see cref="RetryDelay"/>. Several nodes may
/// poll the same table; a reminder may then fire twice, which grains tolerate.
/// </summary>
public sealed partial class ReminderService(
    GrainRuntime runtime,
    IGrainStore store,
    TimeProvider clock,
    IOptions<GrainRuntimeOptions> options,
    ILogger<ReminderService> logger) : BackgroundService
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);
    private const int BatchSize = 100;
    private readonly ConcurrentDictionary<(GrainId, string), bool> firing = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var beat = new PeriodicTimer(options.Value.ReminderQuantum, clock);
        try
        {
            do
            {
                try
                {
                    await FireDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogPollFailed(logger, e);
                }
            }
            while (await beat.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Fires what is due now and returns how many reminders it started. The poll does not wait for the grains (one slow
    /// activation must not hold up every other reminder); <paramref name="waitForCalls"/> waits for them and for the settling.
    /// </summary>
    public async Task<int> FireDueAsync(CancellationToken cancellationToken, bool waitForCalls = false)
    {
        var due = await store.ReadDueRemindersAsync(clock.GetUtcNow(), BatchSize, cancellationToken);
        var started = new List<Task>();
        foreach (var reminder in due)
        {
            if (!firing.TryAdd((reminder.Grain, reminder.Name), true)) continue;
            started.Add(FireAsync(reminder, cancellationToken));
        }
        if (waitForCalls) await Task.WhenAll(started);
        return started.Count;
    }

    private async Task FireAsync(DueReminder reminder, CancellationToken cancellationToken)
    {
        try
        {
            DateTimeOffset? retryAt = null;
            try
            {
                await runtime.GetRemindable(reminder.Grain).ReceiveReminder(reminder.Name, reminder.Due);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogFireFailed(logger, e, reminder.Grain.Type, reminder.Grain.Key, reminder.Name);
                retryAt = clock.GetUtcNow() + RetryDelay;
            }
            await store.SettleReminderAsync(reminder, retryAt, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the reminder stays stored and fires after the restart.
        }
        catch (Exception e)
        {
            LogFireFailed(logger, e, reminder.Grain.Type, reminder.Grain.Key, reminder.Name);
        }
        finally
        {
            firing.TryRemove((reminder.Grain, reminder.Name), out _);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Looking for due reminders failed")]
    private static partial void LogPollFailed(ILogger logger, Exception e);

    [LoggerMessage(LogLevel.Warning, "Reminder {Name} of {GrainType} {GrainKey} failed; it fires again later")]
    private static partial void LogFireFailed(ILogger logger, Exception e, string grainType, string grainKey, string name);
}
