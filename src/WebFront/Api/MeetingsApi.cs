using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/meetings").WithTags("Meetings");
        meetings.MapPut("/{meetingId}", Schedule).WithName("ScheduleMeeting").WithSummary("Convenes a creditors' meeting with its agenda.");
        meetings.MapGet("/{meetingId}", Get).WithName("GetMeeting");
        meetings.MapPost("/{meetingId}/checkins", CheckIn).WithName("CheckIn").WithSummary("A creditor attends: counts as present.");
        var resolution = meetings.MapGroup("/{meetingId}/resolutions/{resolutionId}");
        resolution.MapPost("/open", Open).WithName("OpenVoting").WithSummary("Fixes the roll and opens voting, closing by itself at closesAt if given.");
        resolution.MapPost("/ballots", Cast).WithName("CastBallot").WithSummary("Answers once the ballot is committed.");
        resolution.MapPost("/close", Close).WithName("CloseVoting").WithSummary("Fixes and explains the result.");
        resolution.MapGet("/tally", Tally).WithName("GetTally");
        return routes;
    }

    private static IMeetingGrain Meeting(IGrainFactory grains, string meetingId) => grains.Get<IMeetingGrain>(Ids.Check(meetingId, "meetingId"));

    private static async Task<Created<MeetingView>> Schedule(string meetingId, ScheduleMeetingRequest body, IGrainFactory grains)
    {
        var view = await Meeting(grains, meetingId).Schedule(new ScheduleMeeting(
            Ids.Check(body.CaseId, "caseId"), body.Title, body.StartsAt, body.Agenda, body.Rules, body.Visibility, body.ConvenedBy));
        return TypedResults.Created($"/api/meetings/{meetingId}", view);
    }

    private static async Task<Ok<MeetingView>> Get(string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).Get());

    private static async Task<NoContent> CheckIn(string meetingId, CheckInRequest body, IGrainFactory grains)
    {
        await Meeting(grains, meetingId).CheckIn(Ids.Check(body.CreditorId, "creditorId"));
        return TypedResults.NoContent();
    }

    private static async Task<Ok<ResolutionView>> Open(string meetingId, string resolutionId, OpenVotingRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).OpenVoting(Ids.Check(resolutionId, "resolutionId"), Ids.Check(body.ActorId, "actorId"), body.ClosesAt));

    private static async Task<Created<BallotAck>> Cast(string meetingId, string resolutionId, BallotRequest body, IGrainFactory grains)
    {
        var ack = await Meeting(grains, meetingId).CastBallot(new CastBallot(Ids.Check(resolutionId, "resolutionId"), Ids.Check(body.CreditorId, "creditorId"), body.Choice));
        return TypedResults.Created($"/api/meetings/{meetingId}/resolutions/{resolutionId}/ballots/{ack.LedgerPosition}", ack);
    }

    private static async Task<Ok<ResolutionView>> Close(string meetingId, string resolutionId, ActorRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).CloseVoting(Ids.Check(resolutionId, "resolutionId"), Ids.Check(body.ActorId, "actorId")));

    private static async Task<Ok<TallyView>> Tally(string meetingId, string resolutionId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).GetTally(Ids.Check(resolutionId, "resolutionId")));
}

public sealed record ScheduleMeetingRequest(
    string CaseId, string Title, DateTimeOffset StartsAt, IReadOnlyList<ResolutionDraft> Agenda, string ConvenedBy,
    VotingRuleSet Rules = VotingRuleSet.PrcEbl, TallyVisibility Visibility = TallyVisibility.Live);

public sealed record CheckInRequest(string CreditorId);

public sealed record ActorRequest(string ActorId);

/// <param name="ClosesAt">When voting closes by itself; replaces the agenda's time. Null keeps the agenda's (if any).</param>
public sealed record OpenVotingRequest(string ActorId, DateTimeOffset? ClosesAt = null);

public sealed record BallotRequest(string CreditorId, VoteChoice Choice);
