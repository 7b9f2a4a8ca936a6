using System.Globalization;

namespace CaseGrains.Meetings;

/// <summary>
/// Keeps what the minutes need as the meeting's facts are applied, in order: every step but ordinary ballots and
/// check-ins, which are counted instead. Nothing here ever holds a creditor's choice.
/// </summary>
internal sealed class MinutesBook
{
    private readonly List<MinutesEntry> entries = [];

    public DateTimeOffset ScheduledAt { get; private set; }
    public string ConvenedBy { get; private set; } = "";
    public int CheckedIn { get; private set; }
    public DateTimeOffset? FirstCheckInAt { get; private set; }
    public DateTimeOffset? LastCheckInAt { get; private set; }
    public IReadOnlyList<MinutesEntry> Entries => entries;

    public void Record(MeetingFact fact)
    {
        switch (fact)
        {
            case MeetingScheduled s:
                ScheduledAt = s.At;
                ConvenedBy = s.Meeting.ConvenedBy;
                Add(s, null, ("title", s.Meeting.Title), ("startsAt", Text(s.Meeting.StartsAt)), ("resolutions", Text(s.Meeting.Agenda.Count)));
                break;
            case CreditorCheckedIn c:
                CheckedIn++;
                FirstCheckInAt ??= c.At;
                LastCheckInAt = c.At;
                break;
            case ProvisionalAmountSet p:
                Add(p, null, ("claimId", p.ClaimId), ("creditorId", p.CreditorId), ("amountFen", Text(p.AmountFen)), ("reference", p.Reference ?? ""));
                break;
            case PriorityWaived w:
                Add(w, null, ("claimId", w.ClaimId), ("creditorId", w.CreditorId));
                break;
            case ShareholderRegistered h:
                Add(h, null, ("shareholderId", h.ShareholderId), ("equityFen", Text(h.EquityFen)));
                break;
            case ProxyRecorded x:
                Add(x, null, ("representativeId", x.RepresentativeId), ("principals", Text(x.PrincipalIds.Count)),
                    ("resolutions", x.ResolutionIds is null ? "all" : string.Join(",", x.ResolutionIds)), ("documentSha256", x.DocumentSha256));
                break;
            case VotingOpened o:
                Add(o, o.ResolutionId, ("voters", Text(o.SameRollAs is null ? o.Roll.Count : o.Voters)),
                    ("closesAt", Text(o.ClosesAt)));
                break;
            case RevoteOpened r:
                Add(r, r.ResolutionId, ("round", Text(r.Round)), ("class", r.Class.ToString()), ("closesAt", Text(r.ClosesAt)));
                break;
            case ScheduledOpenSkipped k:
                Add(k, k.ResolutionId, ("reason", k.Reason));
                break;
            case BallotCast { Channel: BallotChannel.Paper } b:
                Add(b, b.ResolutionId, ("round", Text(b.Round)), ("creditorId", b.CreditorId), ("ballotNumber", Text(b.BallotNumber)),
                    ("scanSha256", b.ScanSha256 ?? ""));
                break;
            case VotingClosed v:
                Add(v, v.ResolutionId, ("round", Text(v.Round)), ("passed", v.Outcome.Passed ? "true" : "false"), ("onSchedule", v.OnSchedule ? "true" : "false"));
                break;
            case ResultNotified n:
                Add(n, n.ResolutionId, ("round", Text(n.Round)), ("votersNotified", Text(n.VotersNotified)));
                break;
        }
    }

    private void Add(MeetingFact fact, string? resolutionId, params (string Key, string Value)[] details) =>
        entries.Add(new MinutesEntry(fact.At, fact.LedgerKind, fact.Actor, resolutionId, details.ToDictionary(d => d.Key, d => d.Value)));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);

    private static string Text(DateTimeOffset? value) => value is { } v ? Text(v) : "";
}
