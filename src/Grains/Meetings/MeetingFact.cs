using System.Text.Json.Serialization;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

/// <summary>What happened in a meeting, in order; the minutes and every tally are rebuilt from these.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "fact")]
[JsonDerivedType(typeof(MeetingScheduled), "meeting.scheduled")]
[JsonDerivedType(typeof(CreditorCheckedIn), "meeting.checkin")]
[JsonDerivedType(typeof(ProvisionalAmountSet), "meeting.provisional-amount")]
[JsonDerivedType(typeof(PriorityWaived), "meeting.priority-waived")]
[JsonDerivedType(typeof(ShareholderRegistered), "meeting.shareholder")]
[JsonDerivedType(typeof(ProxyRecorded), "meeting.proxy")]
[JsonDerivedType(typeof(VotingOpened), "voting.opened")]
[JsonDerivedType(typeof(RevoteOpened), "voting.revote-opened")]
[JsonDerivedType(typeof(ScheduledOpenSkipped), "voting.open-skipped")]
[JsonDerivedType(typeof(BallotCast), "vote.cast")]
[JsonDerivedType(typeof(VotingClosed), "voting.closed")]
[JsonDerivedType(typeof(ResultNotified), "voting.result-notified")]
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

/// <summary>The court set a provisional amount for an undetermined claim (EBL 59(2)); a later one for the same claim replaces it.</summary>
public sealed record ProvisionalAmountSet(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ClaimId, string CreditorId,
    long AmountFen, string? Reference)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "meeting.provisional-amount";
    public override object LedgerData => new { MeetingId, ClaimId, AmountFen, Reference };
}

/// <summary>A secured creditor gave up priority on its collateral for a claim (EBL 59(3)).</summary>
/// <param name="Actor">The creditor waiving in person, or the administrator who entered the creditor's signed waiver.</param>
/// <param name="DocumentSha256">Hex SHA-256 of the signed waiver the administrator entered; null when the creditor waived in person.</param>
public sealed record PriorityWaived(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ClaimId, string CreditorId,
    string? DocumentSha256 = null)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "meeting.priority-waived";
    public override object LedgerData => DocumentSha256 is null ? new { MeetingId, ClaimId } : new { MeetingId, ClaimId, CreditorId, DocumentSha256 };
}

/// <summary>A shareholder listed for the shareholders' class of a plan that adjusts equity (EBL 85(2)).</summary>
public sealed record ShareholderRegistered(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ShareholderId, long EquityFen)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "meeting.shareholder";
    public override object LedgerData => new { MeetingId, ShareholderId, EquityFen };
}

/// <summary>
/// A power of attorney: <see cref="MeetingFact.Actor"/> recorded that the representative votes for the principals.
/// The ledger holds the SHA-256 of the sorted principal list rather than the list, which may be very long.
/// </summary>
public sealed record ProxyRecorded(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string RepresentativeId,
    IReadOnlyList<string> PrincipalIds, IReadOnlyList<string>? ResolutionIds, string DocumentSha256)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "meeting.proxy";
    public override object LedgerData => new
    {
        MeetingId, RepresentativeId, Principals = PrincipalIds.Count, PrincipalsSha256 = ProxyRegister.PrincipalsHash(PrincipalIds),
        ResolutionIds, DocumentSha256,
    };
}

/// <summary>
/// Voting opened with this roll; it is kept so that the tally is the same after any restart, whatever happens to
/// claims later. When the roll is the one an earlier resolution of this meeting opened with, <see cref="Roll"/> is
/// empty and <see cref="SameRollAs"/> names that resolution, so a large roll is stored once per meeting.
/// </summary>
public sealed record VotingOpened(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, IReadOnlyList<Voter> Roll,
    DateTimeOffset? ClosesAt = null, string? SameRollAs = null, int Voters = 0)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "voting.opened";
    public override object LedgerData => new { MeetingId, ResolutionId, Voters = SameRollAs is null ? Roll.Count : Voters, ClosesAt };
}

/// <summary>The one further vote of a class that rejected a reorganization plan (EBL 87(1)), on the roll of the first vote.</summary>
public sealed record RevoteOpened(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, int Round,
    VotingClass Class, DateTimeOffset? ClosesAt)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "voting.revote-opened";
    public override object LedgerData => new { MeetingId, ResolutionId, Round, Class, ClosesAt };
}

/// <summary>The agenda's opening time came but voting could not open; the administrator may still open it.</summary>
public sealed record ScheduledOpenSkipped(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, string Reason)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "voting.open-skipped";
    public override object LedgerData => new { MeetingId, ResolutionId, Reason };
}

/// <summary>
/// A ballot. <see cref="MeetingFact.Actor"/> is who cast it: the creditor, its representative, or the administrator
/// entering a paper ballot. The ledger holds only its commitment: the choice stays private to the voter and the counters.
/// </summary>
public sealed record BallotCast(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, string CreditorId,
    VoteChoice Choice, long BallotNumber, string Salt, int Round = 0, BallotChannel Channel = BallotChannel.Online, string? ScanSha256 = null)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    private string? commitment;

    public override string LedgerKind => "vote.cast";
    public override object LedgerData => new { MeetingId, ResolutionId, Round, BallotNumber, Channel, ScanSha256, Commitment };

    /// <summary>The ballot's commitment, hashed once for the ledger entry and the acknowledgement (never make a ballot from another with <c>with</c>: it would keep this).</summary>
    [JsonIgnore] public string Commitment => commitment ??= BallotCommitment.Of(this);
}

/// <summary>
/// A round closed. <see cref="Outcome"/> is the decision of the resolution so far; for a class's further vote
/// <see cref="RoundOutcome"/> is that vote counted on its own and <see cref="Outcome"/> the first vote combined with it.
/// </summary>
public sealed record VotingClosed(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, ResolutionOutcome Outcome,
    int Round = 0, ResolutionOutcome? RoundOutcome = null, bool OnSchedule = false)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "voting.closed";
    public override object LedgerData => new { MeetingId, ResolutionId, Round, OnSchedule, Outcome.Passed, Outcome.Checks, Outcome.Classes };
}

/// <summary>Every voter of a round was sent its result (Interpretation III of the EBL, art. 11: within 3 days).</summary>
public sealed record ResultNotified(string CaseId, string MeetingId, string Actor, DateTimeOffset At, string ResolutionId, int Round, int VotersNotified)
    : MeetingFact(CaseId, MeetingId, Actor, At)
{
    public override string LedgerKind => "voting.result-notified";
    public override object LedgerData => new { MeetingId, ResolutionId, Round, VotersNotified };
}
