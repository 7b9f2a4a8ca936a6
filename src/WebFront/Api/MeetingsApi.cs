using CaseGrains.Accounts;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPut("/cases/{caseId}/meetings/{meetingId}", Schedule).Allow(Policies.CaseAdministrator).WithTags("Meetings").WithName("ScheduleMeeting")
            .WithSummary("The administrator convenes a creditors' meeting with its agenda.");
        var meetings = routes.MapGroup("/meetings").WithTags("Meetings");
        meetings.MapGet("/{meetingId}", Get).Allow(Policies.CaseParticipant).WithName("GetMeeting")
            .WithSummary("Staff see every tally; creditors see tallies as the meeting's visibility allows.");
        meetings.MapPost("/{meetingId}/checkins", CheckIn).Allow(Policies.CaseCreditor).WithName("CheckIn").WithSummary("A creditor attends: counts as present.");
        var resolution = meetings.MapGroup("/{meetingId}/resolutions/{resolutionId}");
        resolution.MapPost("/open", Open).Allow(Policies.CaseAdministrator).WithName("OpenVoting")
            .WithSummary("Fixes the roll and opens voting, closing by itself at closesAt if given.");
        resolution.MapPost("/ballots", Cast).Allow(Policies.CaseCreditor).WithName("CastBallot").WithSummary("Answers once the ballot is committed.");
        resolution.MapPost("/close", Close).Allow(Policies.CaseAdministrator).WithName("CloseVoting").WithSummary("Fixes and explains the result.");
        resolution.MapGet("/tally", Tally).Allow(Policies.CaseParticipant).WithName("GetTally");
        return routes;
    }

    private static IMeetingGrain Meeting(IGrainFactory grains, string meetingId) => grains.Get<IMeetingGrain>(Ids.Check(meetingId, "meetingId"));

    private static bool IsCreditor(HttpContext http) => http.User.Role() == AccountRole.Creditor;

    private static async Task<Created<MeetingView>> Schedule(string caseId, string meetingId, ScheduleMeetingRequest body, HttpContext http, IGrainFactory grains)
    {
        var view = await Meeting(grains, meetingId).Schedule(new ScheduleMeeting(
            Ids.Check(caseId, "caseId"), body.Title, body.StartsAt, body.Agenda, body.Rules, body.Visibility, http.User.Actor()));
        return TypedResults.Created($"/api/meetings/{meetingId}", view);
    }

    private static async Task<Ok<MeetingView>> Get(string meetingId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(IsCreditor(http) ? await Meeting(grains, meetingId).GetForCreditors() : await Meeting(grains, meetingId).Get());

    private static async Task<NoContent> CheckIn(string meetingId, HttpContext http, IGrainFactory grains)
    {
        await Meeting(grains, meetingId).CheckIn(http.User.CreditorId()!);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ResolutionView>> Open(string meetingId, string resolutionId, OpenVotingRequest? body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).OpenVoting(Ids.Check(resolutionId, "resolutionId"), http.User.Actor(), body?.ClosesAt));

    private static async Task<Created<BallotAck>> Cast(string meetingId, string resolutionId, BallotRequest body, HttpContext http, IGrainFactory grains)
    {
        var creditorId = http.User.CreditorId()!;
        if (body.CreditorId is not null && body.CreditorId != creditorId)
            throw RuleViolationException.NotAllowed("creditorId", "A creditor votes for themselves (proxies vote with a recorded power of attorney).");
        var ack = await Meeting(grains, meetingId).CastBallot(new CastBallot(Ids.Check(resolutionId, "resolutionId"), creditorId, body.Choice));
        return TypedResults.Created($"/api/meetings/{meetingId}/resolutions/{resolutionId}/ballots/{ack.LedgerPosition}", ack);
    }

    private static async Task<Ok<ResolutionView>> Close(string meetingId, string resolutionId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).CloseVoting(Ids.Check(resolutionId, "resolutionId"), http.User.Actor()));

    private static async Task<Ok<TallyView>> Tally(string meetingId, string resolutionId, HttpContext http, IGrainFactory grains)
    {
        Ids.Check(resolutionId, "resolutionId");
        if (!IsCreditor(http)) return TypedResults.Ok(await Meeting(grains, meetingId).GetTally(resolutionId));
        var seen = (await Meeting(grains, meetingId).GetForCreditors()).Resolutions.FirstOrDefault(r => r.ResolutionId == resolutionId)
            ?? throw RuleViolationException.NotFound("resolutionId", $"Meeting {meetingId} has no resolution {resolutionId}.");
        return TypedResults.Ok(seen.Tally ?? throw RuleViolationException.NotAllowed("resolutionId", "The tally is shown to creditors when voting closes."));
    }
}

public sealed record ScheduleMeetingRequest(
    string Title, DateTimeOffset StartsAt, IReadOnlyList<ResolutionDraft> Agenda,
    VotingRuleSet Rules = VotingRuleSet.PrcEbl, TallyVisibility Visibility = TallyVisibility.Live);

/// <summary>A ballot; the creditor is the signed-in one (the field may repeat it).</summary>
public sealed record BallotRequest(VoteChoice Choice, string? CreditorId = null);

/// <param name="ClosesAt">When voting closes by itself; replaces the agenda's time. Null keeps the agenda's (if any).</param>
public sealed record OpenVotingRequest(DateTimeOffset? ClosesAt = null);
