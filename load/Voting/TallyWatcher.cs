using System.Diagnostics;
using System.Text.Json.Nodes;
using CaseGrains.Testing;

namespace CaseGrains.Load.Voting;

/// <summary>
/// One connection's view of a resolution's tally, kept from its "tally" messages: the latest numbers and since when
/// it has held them and, for the few watchers that keep history, every change with the moment it arrived.
/// </summary>
public sealed class TallyWatcher
{
    private readonly Lock gate = new();
    private readonly List<(long Timestamp, int VotesRecorded)>? history;
    private readonly string meetingId;
    private readonly string resolutionId;
    private TallyNumbers? latest;
    private long latestSince;
    private long messages;
    private TallyNumbers? awaited;
    private TaskCompletionSource? reached;

    public TallyWatcher(string name, HubClient hub, string meetingId, string resolutionId, bool keepHistory, bool isStaff = false)
    {
        Name = name;
        IsStaff = isStaff;
        Hub = hub;
        this.meetingId = meetingId;
        this.resolutionId = resolutionId;
        if (keepHistory) history = [];
        hub.Subscribe("tally", OnTally);
        // Check-ins and openings send "meeting" views too; nobody reads them here.
        hub.Subscribe("meeting", _ => { });
    }

    public string Name { get; }

    /// <summary>Watches as the judge or the administrator (the staff group), not as a creditor.</summary>
    public bool IsStaff { get; }
    public HubClient Hub { get; }
    public long Messages => Interlocked.Read(ref messages);

    public (TallyNumbers? Numbers, long Since) Latest
    {
        get
        {
            lock (gate) return (latest, latestSince);
        }
    }

    /// <summary>(arrival, votes recorded) of every message that changed the count of votes, in arrival order.</summary>
    public IReadOnlyList<(long Timestamp, int VotesRecorded)> History
    {
        get
        {
            lock (gate) return history is null ? [] : [.. history];
        }
    }

    private void OnTally(JsonNode? message)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref messages);
        if (message is null || (string?)message["meetingId"] != meetingId || (string?)message["resolutionId"] != resolutionId) return;
        var numbers = TallyNumbers.Of(message["tally"]!);
        lock (gate)
        {
            if (numbers == latest) return;
            if (history is not null && (latest is null || numbers.VotesRecorded != latest.VotesRecorded)) history.Add((now, numbers.VotesRecorded));
            latest = numbers;
            latestSince = now;
            if (numbers == awaited) reached?.TrySetResult();
        }
    }

    /// <summary>Waits until this connection holds <paramref name="expected"/>; false if it does not within <paramref name="timeout"/>.</summary>
    /// <remarks>Woken by the message itself, not by polling: ten thousand connections waiting must not cost the CPU they are measured on.</remarks>
    public async Task<bool> WaitForAsync(TallyNumbers expected, TimeSpan timeout)
    {
        Task done;
        lock (gate)
        {
            if (latest == expected) return true;
            awaited = expected;
            reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            done = reached.Task;
        }
        await Task.WhenAny(done, Hub.Closed, Task.Delay(timeout));
        return Latest.Numbers == expected;
    }
}
