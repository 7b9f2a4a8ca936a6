using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// One round of voting on a resolution inside the meeting grain: the first vote of the whole meeting, or a class's
/// further vote (EBL 87(1)). Holds the committed tally, each voter's last committed ballot (indexed like the roll, so a
/// 100,000-voter round costs a few arrays, not a dictionary entry per ballot) and the counts the minutes need.
/// </summary>
internal sealed class VotingRound(int number, VotingClass? revoteOf, Tally tally, VotingRoll roll, DateTimeOffset openedAt, string openedBy,
    DateTimeOffset? closesAt)
{
    private readonly Receipt[] receipts = new Receipt[roll.Count];

    public int Number { get; } = number;
    public VotingClass? RevoteOf { get; } = revoteOf;
    public Tally Tally { get; } = tally;
    public DateTimeOffset OpenedAt { get; } = openedAt;
    public string OpenedBy { get; } = openedBy;
    public DateTimeOffset? ClosesAt { get; } = closesAt;

    /// <summary>How many on the roll have a vote in this round.</summary>
    public int VotersOnRoll { get; } = roll.Voters.Count(v => tally.CanVote(v.CreditorId));

    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public bool ClosedOnSchedule { get; private set; }
    public TallyView? FinalTally { get; private set; }
    public ResolutionOutcome? Outcome { get; private set; }
    public DateTimeOffset? NotifiedAt { get; private set; }
    public int VotersNotified { get; private set; }

    public int Ballots { get; private set; }
    public int OnlineBallots { get; private set; }
    public int ProxyBallots { get; private set; }
    public int PaperBallots { get; private set; }
    public int ChangedVotes { get; private set; }
    public DateTimeOffset? FirstBallotAt { get; private set; }
    public DateTimeOffset? LastBallotAt { get; private set; }

    public bool IsClosed => ClosedAt is not null;
    public bool AwaitsNotice => IsClosed && NotifiedAt is null;

    /// <summary>Counts a committed ballot of the voter at <paramref name="index"/> on the roll, with the ledger position of its entry.</summary>
    public void Record(int index, BallotCast ballot, long ledgerPosition)
    {
        Tally.Record(ballot.CreditorId, ballot.Choice);
        ref var receipt = ref receipts[index];
        if (receipt.Number != 0 && !receipt.Changed)
        {
            receipt.Changed = true;
            ChangedVotes++;
        }
        if (ballot.BallotNumber >= receipt.Number)
            receipt = receipt with { Number = ballot.BallotNumber, Choice = ballot.Choice, Salt = ballot.Salt, At = ballot.At, Channel = ballot.Channel, CastBy = ballot.Actor, LedgerPosition = ledgerPosition };
        Ballots++;
        switch (ballot.Channel)
        {
            case BallotChannel.Proxy: ProxyBallots++; break;
            case BallotChannel.Paper: PaperBallots++; break;
            default: OnlineBallots++; break;
        }
        FirstBallotAt ??= ballot.At;
        LastBallotAt = ballot.At;
    }

    /// <summary>The voter's last committed ballot in this round, if it has one.</summary>
    public bool TryGetReceipt(int index, out Receipt receipt)
    {
        receipt = receipts[index];
        return receipt.Number != 0;
    }

    public void Close(DateTimeOffset at, string by, bool onSchedule, ResolutionOutcome outcome)
    {
        ClosedAt = at;
        ClosedBy = by;
        ClosedOnSchedule = onSchedule;
        FinalTally = Tally.View();
        Outcome = outcome;
    }

    public void Notified(DateTimeOffset at, int voters)
    {
        NotifiedAt = at;
        VotersNotified = voters;
    }

    /// <summary>A voter's last committed ballot in a round.</summary>
    public record struct Receipt(long Number, VoteChoice Choice, string Salt, DateTimeOffset At, BallotChannel Channel, string CastBy, bool Changed,
        long LedgerPosition);
}
