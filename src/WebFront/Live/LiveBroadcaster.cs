using System.Collections.Concurrent;
using CaseGrains.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Live;

/// <summary>
/// Coalesces live updates and sends them to SignalR groups on a fixed beat. Latest state wins: a thing that changed
/// five thousand times in a beat is sent once, with its newest state. A group with a send still under way (a slow
/// client) is passed over until that send completes, so no queue grows behind a slow client and the grain that
/// published never waits. A group larger than <see cref="LiveOptions.GroupMessagesPerSecond"/> allows per beat is sent
/// to less often, so that thousands of watchers do not take the cores the votes need. The newest state always goes out in the end.
/// When the server stops, what is pending is sent in <see cref="StoppingAsync"/>, which the host calls before it signals
/// ApplicationStopping (on which SignalR closes every connection, dropping what they have not sent yet); then the
/// connections are closed with their last messages delivered.
/// </summary>
public sealed partial class LiveBroadcaster(IHubContext<LiveHub> hub, ConnectionRegistry connections, GroupSizes sizes, IOptions<LiveOptions> options, ILogger<LiveBroadcaster> logger)
    : BackgroundService, IHostedLifecycleService, ILiveUpdates
{
    /// <summary>How long stopping waits for the last sends to slow clients before it lets the connections close.</summary>
    private static readonly TimeSpan FinalSendLimit = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Group, string Event, string Subject), LiveUpdate> latest = new();
    private readonly ConcurrentDictionary<string, Task> inFlight = new();
    private readonly ConcurrentDictionary<string, long> lastSent = new(StringComparer.Ordinal);

    public void Publish(LiveUpdate update) => latest[(update.Group, update.Event, update.Subject)] = update;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var beat = new PeriodicTimer(options.Value.FlushInterval);
        try
        {
            while (await beat.WaitForNextTickAsync(stoppingToken)) Flush();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Flush(final: true);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends everything pending, waiting for busy groups' sends first, then closes the connections once that is out.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(FinalSendLimit);
        try
        {
            while (true)
            {
                var sending = inFlight.Values.ToArray();
                if (sending.Length > 0) await Task.WhenAll(sending).WaitAsync(limit.Token);
                if (latest.IsEmpty) break;
                Flush(final: true);
            }
            // Closed here rather than by SignalR on ApplicationStopping, which drops what a connection has not sent yet.
            await connections.CloseEveryoneAsync().WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            LogFinalSendCut(logger);
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Sends every pending update whose group is neither busy nor, being large, sent to too recently.</summary>
    public void Flush() => Flush(final: false);

    private void Flush(bool final)
    {
        var now = Environment.TickCount64;
        var pending = new Dictionary<string, List<(string Group, string Event, string Subject)>>(StringComparer.Ordinal);
        foreach (var key in latest.Keys)
        {
            if (!pending.TryGetValue(key.Group, out var keys)) pending[key.Group] = keys = [];
            keys.Add(key);
        }
        foreach (var (group, keys) in pending)
        {
            if (inFlight.TryGetValue(group, out var busy) && !busy.IsCompleted) continue;
            var spacing = final ? 0 : SpacingMilliseconds(group);
            if (spacing > 0 && lastSent.TryGetValue(group, out var last) && now - last < spacing) continue;
            // Every thing pending for the group goes in this send, so one busy thing never holds back another.
            var updates = new List<LiveUpdate>(keys.Count);
            foreach (var key in keys)
                if (latest.TryRemove(key, out var update)) updates.Add(update);
            if (updates.Count == 0) continue;
            // Only spaced groups are remembered: small ones (a creditor's own results) come and go in great numbers.
            if (spacing > 0) lastSent[group] = now;
            else lastSent.TryRemove(group, out _);
            var sending = SendAsync(group, updates);
            if (sending.IsCompleted) continue;
            inFlight[group] = sending;
            // Removes exactly this send's entry once it ends, even if it ended before it was entered.
            _ = sending.ContinueWith(done => inFlight.TryRemove(KeyValuePair.Create(group, done)), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// A group gets a send at most every members ÷ <see cref="LiveOptions.GroupMessagesPerSecond"/> seconds; 0 (every
    /// beat) for a group small enough for that to be no longer than the beat.
    /// </summary>
    private long SpacingMilliseconds(string group)
    {
        var spacing = sizes.Of(group) * 1000L / options.Value.GroupMessagesPerSecond;
        return spacing > (long)options.Value.FlushInterval.TotalMilliseconds ? spacing : 0;
    }

    private async Task SendAsync(string group, List<LiveUpdate> updates)
    {
        foreach (var update in updates)
        {
            try
            {
                await hub.Clients.Group(group).SendAsync(update.Event, update.Payload);
            }
            catch (Exception e)
            {
                LogSendFailed(logger, e, group, update.Event);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "The last live updates were not all sent before the server stopped")]
    private static partial void LogFinalSendCut(ILogger logger);

    [LoggerMessage(LogLevel.Warning, "Sending {Event} to {Group} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception e, string group, string @event);
}
