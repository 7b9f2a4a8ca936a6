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
/// </summary>
public sealed partial class LiveBroadcaster(IHubContext<LiveHub> hub, GroupSizes sizes, IOptions<LiveOptions> options, ILogger<LiveBroadcaster> logger)
    : BackgroundService, ILiveUpdates
{
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

    /// <summary>Sends every pending update whose group is neither busy nor, being large, sent to too recently.</summary>
    public void Flush() => Flush(final: false);

    private void Flush(bool final)
    {
        var now = Environment.TickCount64;
        foreach (var (key, _) in latest)
        {
            if (inFlight.TryGetValue(key.Group, out var busy) && !busy.IsCompleted) continue;
            var spacing = final ? 0 : SpacingMilliseconds(key.Group);
            if (spacing > 0 && lastSent.TryGetValue(key.Group, out var last) && now - last < spacing) continue;
            if (!latest.TryRemove(key, out var update)) continue;
            // Only large groups are remembered: small ones (a creditor's own results) come and go in great numbers.
            if (spacing > 0) lastSent[key.Group] = now;
            else lastSent.TryRemove(key.Group, out _);
            var sending = SendAsync(update);
            if (!sending.IsCompleted) inFlight[key.Group] = sending;
        }
    }

    /// <summary>Only a group larger than a beat's message budget is spaced out; the rest go every beat.</summary>
    private long SpacingMilliseconds(string group) => sizes.Of(group) * 1000L / options.Value.GroupMessagesPerSecond;

    private async Task SendAsync(LiveUpdate update)
    {
        try
        {
            await hub.Clients.Group(update.Group).SendAsync(update.Event, update.Payload);
        }
        catch (Exception e)
        {
            LogSendFailed(logger, e, update.Group, update.Event);
        }
        finally
        {
            // Groups come and go (one per creditor for results): a finished send leaves no entry behind. Flush starts
            // another send for the group only once this entry is gone or completed, so this never removes a newer one.
            inFlight.TryRemove(update.Group, out _);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Sending {Event} to {Group} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception e, string group, string @event);
}
