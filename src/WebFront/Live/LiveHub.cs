using CaseGrains.Cases;
using CaseGrains.Live;
using CaseGrains.Meetings;
using CaseGrains.WebFront.Api;
using Microsoft.AspNetCore.SignalR;

namespace CaseGrains.WebFront.Live;

/// <summary>
/// The real-time channel. Clients watch a case or a meeting (a SignalR group each) and get the current state on
/// joining, then every change: events "claim", "meeting" and "tally"; a creditor's own "result" when a vote closes. Creditors vote through it too.
/// </summary>
public sealed class LiveHub(IGrainFactory grains) : Hub
{
    public async Task<CaseView> WatchCase(string caseId)
    {
        Ids.Check(caseId, "caseId");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdate.CaseGroup(caseId));
        return await grains.Get<ICaseGrain>(caseId).Get();
    }

    /// <summary>Watches a meeting as a creditor: tallies as the meeting's visibility allows.</summary>
    public async Task<MeetingView> WatchMeeting(string meetingId)
    {
        Ids.Check(meetingId, "meetingId");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdate.MeetingGroup(meetingId));
        return await grains.Get<IMeetingGrain>(meetingId).GetForCreditors();
    }

    /// <summary>Watches a meeting as the judge or the administrator: every tally, live.</summary>
    public async Task<MeetingView> WatchMeetingAsStaff(string meetingId)
    {
        Ids.Check(meetingId, "meetingId");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdate.MeetingStaffGroup(meetingId));
        return await grains.Get<IMeetingGrain>(meetingId).Get();
    }

    /// <summary>A creditor's own messages: the "result" of each vote it took part in, sent when voting closes.</summary>
    public Task WatchMyResults(string creditorId) =>
        Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdate.CreditorGroup(Ids.Check(creditorId, "creditorId")));

    public Task CheckIn(string meetingId, string creditorId) =>
        grains.Get<IMeetingGrain>(Ids.Check(meetingId, "meetingId")).CheckIn(Ids.Check(creditorId, "creditorId"));

    /// <summary>Answers once the ballot is committed.</summary>
    public Task<BallotAck> CastBallot(string meetingId, CastBallot ballot)
    {
        Ids.Check(ballot.ResolutionId, "resolutionId");
        Ids.Check(ballot.CreditorId, "creditorId");
        return grains.Get<IMeetingGrain>(Ids.Check(meetingId, "meetingId")).CastBallot(ballot);
    }
}
