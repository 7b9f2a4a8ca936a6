using CaseGrains.Load.Seeding;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Load.Voting;

/// <summary>A creditor on its own WebSocket, and every ballot of theirs the server acknowledged.</summary>
public sealed class Voter(SeededCreditor creditor, MeetingUnderLoad meeting)
{
    private readonly List<AcknowledgedBallot> acks = [];

    public SeededCreditor Creditor { get; } = creditor;
    public MeetingUnderLoad Meeting { get; } = meeting;
    public HubClient? Hub { get; set; }

    /// <summary>Set when it watches the meeting itself (every connection watching: the fan-out test).</summary>
    public TallyWatcher? Watcher { get; set; }

    public bool CheckedIn { get; set; }

    /// <summary>The choice of the last ballot sent, acknowledged or not.</summary>
    public VoteChoice? LastSent { get; set; }

    /// <summary>Ballots sent and not acknowledged (failed or timed out): the server may or may not have stored them.</summary>
    public int Unacknowledged { get; set; }

    public IReadOnlyList<AcknowledgedBallot> Acks
    {
        get
        {
            lock (acks) return [.. acks];
        }
    }

    public void Acknowledged(BallotReceipt ack, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(ack);
        lock (acks) acks.Add(new AcknowledgedBallot(Creditor.CreditorId, ack.BallotNumber, ack.LedgerPosition, ack.Choice, timestamp));
    }

    /// <summary>How this creditor votes first: a fixed mix of for, against and abstain.</summary>
    public static VoteChoice FirstChoice(int index) => (index % 7) switch
    {
        0 => VoteChoice.Abstain,
        1 or 4 => VoteChoice.Against,
        _ => VoteChoice.For,
    };

    /// <summary>A changed vote is always a different choice.</summary>
    public static VoteChoice Changed(VoteChoice previous) => (VoteChoice)(((int)previous + 1) % 3);
}
