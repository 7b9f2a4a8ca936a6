using CaseGrains.Meetings;
using CaseGrains.WebFront.Security;
using CaseGrains.Meetings.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The course of a meeting beyond opening and closing: a class's further vote, the minutes, the creditors' view.</summary>
public static class MeetingProceedingsApi
{
    public static IEndpointRouteBuilder MapMeetingProceedingsApi(this IEndpointRouteBuilder routes)
    {
        var meeting = routes.MapGroup("/meetings/{meetingId}").WithTags("Meetings");
        meeting.MapPost("/resolutions/{resolutionId}/revote", OpenClassRevote).Allow(Policies.CaseAdministrator).WithName("OpenClassRevote")
            .WithSummary("Opens the one further vote of a class that rejected a reorganization plan (EBL 87(1)).");
        meeting.MapGet("/minutes", GetMinutes).Allow(Policies.CaseParticipant).WithName("GetMeetingMinutes")
            .WithSummary("The minutes, generated from the meeting's recorded facts with their times.");
        meeting.MapGet("/creditor-view", GetForCreditors).Allow(Policies.CaseParticipant).WithName("GetMeetingForCreditors")
            .WithSummary("The meeting as creditors see it: tallies of open votes hidden when the meeting shows them only after close.");
        return routes;
    }

    private static IMeetingGrain Meeting(IGrainFactory grains, string meetingId) => grains.Get<IMeetingGrain>(Ids.Check(meetingId, "meetingId"));

    private static async Task<Ok<ResolutionView>> OpenClassRevote(string meetingId, string resolutionId, RevoteRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).OpenClassRevote(
            Ids.Check(resolutionId, "resolutionId"), body.VotingClass, http.User.Actor(), body.ClosesAt));

    private static async Task<Ok<MeetingMinutes>> GetMinutes(string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).GetMinutes());

    private static async Task<Ok<MeetingView>> GetForCreditors(string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).GetForCreditors());
}

public sealed record RevoteRequest(VotingClass VotingClass, DateTimeOffset? ClosesAt = null);
