using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

/// <summary>
/// A creditors' meeting: its agenda, attendance, powers of attorney, ballots and results. Keyed by meeting id.
/// Voting windows that have a time open and close by themselves (through a stored reminder), also after restarts.
/// </summary>
public interface IMeetingGrain : IGrainWithStringKey, IRemindable
{
    Task<MeetingView> Schedule(ScheduleMeeting command);

    /// <summary>The meeting with tallies as staff (judge, administrator) see them.</summary>
    Task<MeetingView> Get();

    /// <summary>The meeting as creditors see it: tallies of open rounds hidden when the meeting says so.</summary>
    Task<MeetingView> GetForCreditors();

    /// <summary>The case the meeting belongs to; null when no meeting of this id was scheduled. Runs beside ballots.</summary>
    [AlwaysInterleave]
    Task<string?> GetCaseId();

    Task CheckIn(string creditorId);

    /// <summary>The court sets a provisional amount for an undetermined claim (EBL 59(2)), before voting opens.</summary>
    Task SetProvisionalAmount(SetProvisionalAmount command);

    /// <summary>A secured creditor waives priority for a claim (EBL 59(3)), before voting opens.</summary>
    Task WaivePriority(WaivePriority command);

    /// <summary>Lists a shareholder for a reorganization plan that adjusts equity (EBL 85(2)).</summary>
    Task RegisterShareholder(RegisterShareholder command);

    /// <summary>Records a power of attorney: the representative may then vote for its principals.</summary>
    Task<ProxyView> RecordProxy(RecordProxy command);

    Task<IReadOnlyList<ProxyView>> GetProxies();

    /// <summary>
    /// Opens voting on a resolution; the voting roll is taken from the case's claims and the meeting's provisional
    /// amounts, waivers and shareholders now, and fixed. <paramref name="closesAt"/> replaces the agenda's close time.
    /// </summary>
    Task<ResolutionView> OpenVoting(string resolutionId, string actorId, DateTimeOffset? closesAt = null);

    /// <summary>Opens the one further vote of a class that rejected a reorganization plan (EBL 87(1)), on the same roll.</summary>
    Task<ResolutionView> OpenClassRevote(string resolutionId, VotingClass votingClass, string actorId, DateTimeOffset? closesAt = null);

    /// <summary>Answers once the ballot committed.</summary>
    Task<BallotAck> CastBallot(CastBallot ballot);

    /// <summary>Answers, one acknowledgement per principal, once every ballot of the batch committed (all in one commit).</summary>
    Task<IReadOnlyList<BallotAck>> CastProxyBallots(ProxyBallots batch);

    /// <summary>The administrator enters a paper ballot; answers once it committed.</summary>
    Task<BallotAck> EnterPaperBallot(PaperBallot ballot);

    Task<ResolutionView> CloseVoting(string resolutionId, string actorId);

    /// <summary>The committed tally of a resolution's current round (staff view).</summary>
    [AlwaysInterleave]
    Task<TallyView> GetTally(string resolutionId);

    /// <summary>A creditor's own last ballot in the current round of a resolution (for the creditor only).</summary>
    Task<OwnBallot> GetOwnBallot(string resolutionId, string creditorId);

    Task<MeetingMinutes> GetMinutes();

    /// <summary>The claims the court has given a provisional amount in this meeting (EBL 59(2)).</summary>
    Task<IReadOnlyList<string>> GetProvisionalClaimIds();
}
