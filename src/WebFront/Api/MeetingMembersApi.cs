using CaseGrains.Meetings;
using CaseGrains.WebFront.Security;
using CaseGrains.Accounts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// Who votes in a meeting and with what, beyond the claim list: the court's provisional amounts, waived priorities,
/// shareholders of a plan that adjusts equity, and powers of attorney.
/// </summary>
public static class MeetingMembersApi
{
    public static IEndpointRouteBuilder MapMeetingMembersApi(this IEndpointRouteBuilder routes)
    {
        var meeting = routes.MapGroup("/meetings/{meetingId}").WithTags("Meetings");
        meeting.MapPost("/provisional-amounts", SetProvisionalAmount).Allow(Policies.CaseJudge).WithName("SetProvisionalAmount")
            .WithSummary("The court sets a provisional amount for an undetermined claim so that it votes (EBL 59(2)).");
        meeting.MapPost("/priority-waivers", WaivePriority).Allow(Policies.CaseCreditorOrAdministrator).WithName("WaivePriority")
            .WithSummary("A secured creditor waives priority for a claim, which then votes in full (EBL 59(3)).");
        meeting.MapPost("/shareholders", RegisterShareholder).Allow(Policies.CaseAdministrator).WithName("RegisterShareholder")
            .WithSummary("Lists a shareholder for a reorganization plan that adjusts equity (EBL 85(2)).");
        meeting.MapPost("/proxies", RecordProxy).Allow(Policies.CaseAdministrator).WithName("RecordProxy")
            .WithSummary("Records a power of attorney: the representative may vote for its principals.");
        meeting.MapGet("/proxies", ListProxies).Allow(Policies.CaseStaff).WithName("ListProxies");
        return routes;
    }

    private static IMeetingGrain Meeting(IGrainFactory grains, string meetingId) => grains.Get<IMeetingGrain>(Ids.Check(meetingId, "meetingId"));

    private static async Task<NoContent> SetProvisionalAmount(string meetingId, ProvisionalAmountRequest body, HttpContext http, IGrainFactory grains)
    {
        await Meeting(grains, meetingId).SetProvisionalAmount(new SetProvisionalAmount(
            Ids.Check(body.ClaimId, "claimId"), body.AmountFen, http.User.Actor(), body.Reference));
        return TypedResults.NoContent();
    }

    /// <summary>A creditor waives its own priority in person; the administrator enters a waiver the creditor signed, with the document's SHA-256.</summary>
    private static async Task<NoContent> WaivePriority(string meetingId, PriorityWaiverRequest body, HttpContext http, IGrainFactory grains)
    {
        if (http.User.Role() == AccountRole.Creditor && body.CreditorId != http.User.CreditorId())
            throw RuleViolationException.NotAllowed("creditorId", "A creditor waives only its own priority.");
        var actor = http.User.Role() == AccountRole.Creditor ? http.User.CreditorId()! : http.User.Actor();
        await Meeting(grains, meetingId).WaivePriority(new WaivePriority(Ids.Check(body.ClaimId, "claimId"), Ids.Check(body.CreditorId, "creditorId"),
            actor, body.DocumentSha256));
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> RegisterShareholder(string meetingId, ShareholderRequest body, HttpContext http, IGrainFactory grains)
    {
        await Meeting(grains, meetingId).RegisterShareholder(new RegisterShareholder(
            Ids.Check(body.ShareholderId, "shareholderId"), body.EquityFen, http.User.Actor()));
        return TypedResults.NoContent();
    }

    private static async Task<Created<ProxyView>> RecordProxy(string meetingId, ProxyRequest body, HttpContext http, IGrainFactory grains)
    {
        var principals = body.PrincipalIds ?? [];
        for (var i = 0; i < principals.Count; i++) Ids.Check(principals[i], $"principalIds[{i}]");
        if (body.ResolutionIds is { } scope)
            for (var i = 0; i < scope.Count; i++) Ids.Check(scope[i], $"resolutionIds[{i}]");
        var view = await Meeting(grains, meetingId).RecordProxy(new RecordProxy(
            Ids.Check(body.RepresentativeId, "representativeId"), principals, body.ResolutionIds, body.DocumentSha256, http.User.Actor()));
        return TypedResults.Created($"/api/meetings/{meetingId}/proxies", view);
    }

    private static async Task<Ok<IReadOnlyList<ProxyView>>> ListProxies(string meetingId, IGrainFactory grains) =>
        TypedResults.Ok(await Meeting(grains, meetingId).GetProxies());
}

/// <summary>The court's provisional amount (the judge is the signed-in one).</summary>
public sealed record ProvisionalAmountRequest(string ClaimId, long AmountFen, string? Reference = null);

/// <param name="DocumentSha256">Hex SHA-256 of the creditor's signed waiver; required when the administrator enters it, not when the creditor waives in person.</param>
public sealed record PriorityWaiverRequest(string ClaimId, string CreditorId, string? DocumentSha256 = null);

public sealed record ShareholderRequest(string ShareholderId, long EquityFen);

/// <param name="ResolutionIds">The resolutions the representative may vote on; null for every resolution of the meeting.</param>
/// <param name="DocumentSha256">Hex SHA-256 of the power of attorney document as filed.</param>
public sealed record ProxyRequest(string RepresentativeId, IReadOnlyList<string> PrincipalIds, string DocumentSha256,
    IReadOnlyList<string>? ResolutionIds = null);
