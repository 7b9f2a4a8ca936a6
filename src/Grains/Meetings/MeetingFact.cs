using System.Text.Json.Serialization;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

/// <summary>What happened in a meeting, in order; the minutes and every tally are rebuilt from these.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "fact")]
[JsonDerivedType(typeof(MeetingScheduled), "meeting.scheduled")]
[JsonDerivedType(typeof(CreditorCheckedIn), "meeting.checkin")]
[JsonDerivedType(typeof(VotingOpened), "voting.opened")]
[JsonDerivedType(typeof(BallotCast), "vote.cast")]
[JsonDerivedType(typeof(VotingClosed), "voting.closed")]
public abstract record MeetingFact(string CaseId, string MeetingId, string Actor, DateTimeOffset At) : ILedgerFact
{
    [JsonIgnore] public abstract string LedgerKind { get; }
    [JsonIgnore] public abstract object LedgerData { get; }
}

public sealed record MeetingScheduled(string CaseId, string MeetingId, string Actor, DateTimeOffset At, ScheduleMeeting Meeting)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "meeting.scheduled";
    public override object LedgerData => new { MeetingId, Meeting.Title, Meeting.StartsAt, Meeting.Rules, Meeting.Visibility, Meeting.Agenda };
}

public sealed record CreditorCheckedIn(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string CreditorId)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "meeting.checkin";
    public override object LedgerData => new { MeetingId, CreditorId };
}

/// <summary>Voting opened with this roll; it is kept so that the tally is the same after any restart, whatever happens to claims later.</summary>
public sealed record VotingOpened(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, IReadOnlyList<Voter> Roll)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "voting.opened";
    public override object LedgerData => new { MeetingId, ResolutionId, Voters = Roll.Count };
}

/// <summary>A ballot. The ledger holds only its commitment: the choice stays private to the voter and the counters.</summary>
public sealed record BallotCast(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, string CreditorId,
    VoteChoice Choice, long BallotNumber, string Salt)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "vote.cast";
    public override object LedgerData => new { MeetingId, ResolutionId, BallotNumber, Commitment = BallotCommitment.Of(this) };
}

public sealed record VotingClosed(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, ResolutionOutcome Outcome)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "voting.closed";
    public override object LedgerData => new { MeetingId, ResolutionId, Outcome.Passed, Outcome.Checks, Outcome.Classes };
}
