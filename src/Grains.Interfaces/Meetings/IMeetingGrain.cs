using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

/// <summary>A creditors' meeting: its agenda, attendance, ballots and results. Keyed by meeting id.</summary>
public interface IMeetingGrain : IGrainWithStringKey
{
    Task<MeetingView> Schedule(ScheduleMeeting command);

    /// <summary>The meeting with tallies as staff (judge, administrator) see them.</summary>
    Task<MeetingView> Get();

    /// <summary>The meeting as creditors see it: tallies hidden while open when the meeting says so.</summary>
    Task<MeetingView> GetForCreditors();

    Task CheckIn(string creditorId);

    /// <summary>Opens voting on a resolution; the voting roll is taken from the case's claims now and fixed.</summary>
    Task<ResolutionView> OpenVoting(string resolutionId, string actorId);

    /// <summary>Answers once the ballot committed.</summary>
    Task<BallotAck> CastBallot(CastBallot ballot);

    Task<ResolutionView> CloseVoting(string resolutionId, string actorId);

    /// <summary>The committed tally of a resolution (staff view).</summary>
    [AlwaysInterleave]
    Task<TallyView> GetTally(string resolutionId);
}
