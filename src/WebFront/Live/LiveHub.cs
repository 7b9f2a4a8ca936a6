using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.Live;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.Diagnostics;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Live;

/// <summary>
/// The real-time channel, for signed-in people only. Clients watch a case or a meeting (a SignalR group each) and get
/// the current state on joining, then every change: events "claim", "progress" (a case's steps), "meeting" and "tally", and a creditor's own "result" when a vote closes. Every method checks the
/// caller's part in the case; group names are never taken from the client.
/// </summary>
[Authorize]
public sealed class LiveHub(IGrainFactory grains, CaseAccessService access, ConnectionRegistry connections, GroupSizes groups, IOptions<SecurityOptions> options,
    IOptions<LoadTestOptions> load) : Hub
{
    public override Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        var origin = http?.Request.Headers.Origin.ToString();
        // A browser page of another site must not ride on the user's cookie (cross-site WebSocket hijacking).
        if (!string.IsNullOrEmpty(origin) && (!Uri.TryCreate(origin, UriKind.Absolute, out var site) || site.Authority != http!.Request.Host.Value))
        {
            Context.Abort();
            return Task.CompletedTask;
        }
        if (!connections.TryAdd(Context.User!.Actor(), Context, options.Value.ConnectionsPerUser)) Context.Abort();
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.User!.Actor(), Context.ConnectionId);
        groups.Leave(Context);
        return Task.CompletedTask;
    }

    /// <summary>Watches a case: staff get every claim's changes, a creditor only their own.</summary>
    public async Task<CaseView> WatchCase(string caseId)
    {
        var roles = await access.RequireAsync(Context.User!, Ids.Check(caseId, "caseId"), CaseRoles.Participant);
        await groups.JoinAsync(Context, Groups, LiveUpdate.CaseGroup(caseId));
        if ((roles & CaseRoles.Staff) != 0) await groups.JoinAsync(Context, Groups, LiveUpdate.CaseStaffGroup(caseId));
        if ((roles & CaseRoles.Creditor) != 0) await groups.JoinAsync(Context, Groups, LiveUpdate.CreditorGroup(Context.User!.CreditorId()!));
        return await grains.Get<ICaseGrain>(caseId).Get();
    }

    /// <summary>Watches a meeting as a creditor: tallies as the meeting's visibility allows.</summary>
    public async Task<MeetingView> WatchMeeting(string meetingId)
    {
        await RequireInMeetingAsync(meetingId, CaseRoles.Participant);
        await groups.JoinAsync(Context, Groups, LiveUpdate.MeetingGroup(meetingId));
        return await grains.Get<IMeetingGrain>(meetingId).GetForCreditors();
    }

    /// <summary>Watches a meeting as the judge or the administrator: every tally, live.</summary>
    public async Task<MeetingView> WatchMeetingAsStaff(string meetingId)
    {
        await RequireInMeetingAsync(meetingId, CaseRoles.Staff);
        await groups.JoinAsync(Context, Groups, LiveUpdate.MeetingStaffGroup(meetingId));
        return await grains.Get<IMeetingGrain>(meetingId).Get();
    }

    /// <summary>A creditor's own messages: the "result" of each vote it took part in, sent when voting closes.</summary>
    public async Task WatchMyResults()
    {
        var creditorId = Context.User!.CreditorId()
            ?? throw RuleViolationException.NotAllowed("creditorId", "Results are sent to creditors.");
        await groups.JoinAsync(Context, Groups, LiveUpdate.CreditorGroup(creditorId));
    }

    public async Task CheckIn(string meetingId)
    {
        var known = await RequireInMeetingAsync(meetingId, CaseRoles.Creditor);
        await grains.Get<IMeetingGrain>(meetingId).CheckIn(known.CreditorId!);
    }

    /// <summary>Answers once the ballot is committed. The creditor is the signed-in one.</summary>
    public async Task<BallotAck> CastBallot(string meetingId, string resolutionId, VoteChoice choice)
    {
        var known = await RequireInMeetingAsync(meetingId, CaseRoles.Creditor);
        return await grains.Get<IMeetingGrain>(meetingId).CastBallot(new CastBallot(Ids.Check(resolutionId, "resolutionId"), known.CreditorId!, choice));
    }

    /// <summary>Does nothing: the transport's ceiling for load tests. Refused unless Load:EnableNoop is set.</summary>
    public Task Ping() =>
        load.Value.EnableNoop ? Task.CompletedTask : throw RuleViolationException.NotFound("method", "There is no such method.");

    /// <summary>Refuses a caller without one of the <paramref name="allowed"/> parts in the meeting's case; returns what is known of the connection.</summary>
    private async ValueTask<ConnectionRoles> RequireInMeetingAsync(string meetingId, CaseRoles allowed)
    {
        Ids.Check(meetingId, "meetingId");
        var known = ConnectionRoles.Of(Context);
        if (known.Role is not (AccountRole.Judge or AccountRole.Administrator or AccountRole.Creditor))
            throw RuleViolationException.NotAllowed("meetingId", "Meetings are for the case's judge, administrator and creditors.");
        if (known.TryGet(meetingId, out var roles) && (roles & allowed) != 0) return known;
        var caseId = await access.CaseOfMeetingAsync(meetingId) ?? throw RuleViolationException.NotFound("meetingId", $"There is no meeting {meetingId}.");
        roles = await access.RequireAsync(Context.User!, caseId, allowed);
        known.Remember(meetingId, roles);
        return known;
    }
}
