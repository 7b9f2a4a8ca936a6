using CaseGrains.Meetings;
using CaseGrains.WebFront.Security;
using CaseGrains.Meetings.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// Ballots that do not come from the creditor online (a representative's batch, a paper ballot entered by the
/// administrator), and a creditor's own receipt.
/// </summary>
public static class MeetingBallotsApi
{
    public static IEndpointRouteBuilder MapMeetingBallotsApi(this IEndpointRouteBuilder routes)
    {
        var resolution = routes.MapGroup("/meetings/{meetingId}/resolutions/{resolutionId}").WithTags("Meetings");
        resolution.MapPost("/proxy-ballots", CastProxyBallots).Allow(Policies.CaseCreditor).WithName("CastProxyBallots")
            .WithSummary("A representative votes for many principals in one commit; answers one acknowledgement per principal.");
        resolution.MapPost("/paper-ballots", EnterPaperBallot).Allow(Policies.CaseAdministrator).WithName("EnterPaperBallot")
            .WithSummary("The administrator enters a creditor's paper ballot with the SHA-256 of its scan.");
        // Reveals the creditor's choice: for the creditor itself only (a representative sees its acknowledgements when it casts).
        resolution.MapGet("/ballots/{creditorId}", GetOwnBallot).Allow(Policies.CaseCreditor).WithName("GetOwnBallot")
            .WithSummary("A creditor's own last ballot with its commitment and salt, to check the receipt.");
        return routes;
    }

    private static IMeetingGrain Meeting(IGrainFactory grains, string meetingId) => grains.Get<IMeetingGrain>(Ids.Check(meetingId, "meetingId"));

    /// <summary>The representative is the signed-in creditor account; the meeting checks its recorded power of attorney.</summary>
    private static async Task<Created<IReadOnlyList<BallotAck>>> CastProxyBallots(string meetingId, string resolutionId, ProxyBallotsRequest body, HttpContext http,
        IGrainFactory grains)
    {
        var ballots = body.Ballots ?? [];
        for (var i = 0; i < ballots.Count; i++) Ids.Check(ballots[i]?.CreditorId, $"ballots[{i}].creditorId");
        var acks = await Meeting(grains, meetingId).CastProxyBallots(new ProxyBallots(
            Ids.Check(resolutionId, "resolutionId"), http.User.CreditorId()!, ballots));
        return TypedResults.Created($"/api/meetings/{meetingId}/resolutions/{resolutionId}/proxy-ballots", acks);
    }

    private static async Task<Created<BallotAck>> EnterPaperBallot(string meetingId, string resolutionId, PaperBallotRequest body, HttpContext http, IGrainFactory grains)
    {
        var ack = await Meeting(grains, meetingId).EnterPaperBallot(new PaperBallot(
            Ids.Check(resolutionId, "resolutionId"), Ids.Check(body.CreditorId, "creditorId"), body.Choice, body.ScanSha256, http.User.Actor()));
        return TypedResults.Created($"/api/meetings/{meetingId}/resolutions/{resolutionId}/ballots/{ack.CreditorId}", ack);
    }

    private static async Task<Ok<OwnBallot>> GetOwnBallot(string meetingId, string resolutionId, string creditorId, HttpContext http, IGrainFactory grains)
    {
        if (Ids.Check(creditorId, "creditorId") != http.User.CreditorId())
            throw RuleViolationException.NotAllowed("creditorId", "Nobody sees another creditor's ballot.");
        return TypedResults.Ok(await Meeting(grains, meetingId).GetOwnBallot(Ids.Check(resolutionId, "resolutionId"), creditorId));
    }
}

/// <summary>Ballots a representative casts for its principals (the representative is the signed-in creditor account).</summary>
public sealed record ProxyBallotsRequest(IReadOnlyList<ProxyBallot> Ballots);

/// <param name="ScanSha256">Hex SHA-256 of the scanned paper ballot.</param>
public sealed record PaperBallotRequest(string CreditorId, VoteChoice Choice, string ScanSha256);
