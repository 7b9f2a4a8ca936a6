using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using CaseGrains.Accounts;
using CaseGrains.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// A claim after its declaration (EBL 57-58): the administrator starts the review (the decision itself is
/// <c>POST .../review</c> in <see cref="ClaimsApi"/>), a creditor objects, the court rules, the creditor withdraws;
/// and the claim's history of who did what, when and why.
/// </summary>
public static class ClaimLifecycleApi
{
    public static IEndpointRouteBuilder MapClaimLifecycleApi(this IEndpointRouteBuilder routes)
    {
        var claim = routes.MapGroup("/cases/{caseId}/claims/{claimId}").WithTags("Claims");
        claim.MapGet("/", Get).Allow(Policies.CaseParticipant).WithName("GetClaim");
        claim.MapGet("/history", History).Allow(Policies.CaseParticipant).WithName("GetClaimHistory").WithSummary("Every change to the claim, oldest first: who, when, why.");
        claim.MapPost("/review-start", StartReview).Allow(Policies.CaseAdministrator).WithName("StartClaimReview").WithSummary("The administrator takes the declaration up for review (EBL 57).");
        claim.MapPost("/objections", Object).Allow(Policies.CaseCreditor).WithName("ObjectToClaim")
            .WithSummary("The claim's creditor or another creditor objects to the review result; the claim is disputed before the court (EBL 58).");
        claim.MapPost("/ruling", Rule).Allow(Policies.CaseJudge).WithName("RuleOnClaimObjection").WithSummary("The court's ruling on an objection fixes the confirmed amount.");
        claim.MapPost("/withdrawal", Withdraw).Allow(Policies.CaseCreditorOrAdministrator).WithName("WithdrawClaim").WithSummary("The creditor, or whoever declared for it, withdraws the declaration.");
        return routes;
    }

    private static ICaseGrain Case(IGrainFactory grains, string caseId) => grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId"));

    /// <summary>A creditor reads their own claims only; staff read every claim of the case.</summary>
    internal static async Task<ClaimView> VisibleClaimAsync(ICaseGrain grain, string claimId, HttpContext http)
    {
        var claim = await grain.GetClaim(Ids.Check(claimId, "claimId"));
        if (http.User.Role() == AccountRole.Creditor && claim.CreditorId != http.User.CreditorId())
            throw RuleViolationException.NotAllowed("claimId", "A creditor sees their own claims only.");
        return claim;
    }

    private static async Task<Ok<ClaimView>> Get(string caseId, string claimId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await VisibleClaimAsync(Case(grains, caseId), claimId, http));

    private static async Task<Ok<IReadOnlyList<ClaimHistoryEntry>>> History(string caseId, string claimId, HttpContext http, IGrainFactory grains)
    {
        var grain = Case(grains, caseId);
        await VisibleClaimAsync(grain, claimId, http);
        return TypedResults.Ok(await grain.GetClaimHistory(claimId));
    }

    private static async Task<Ok<ClaimView>> StartReview(string caseId, string claimId, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).StartReview(new StartClaimReview(Ids.Check(claimId, "claimId"), http.User.Actor())));

    private static async Task<Ok<ClaimView>> Object(string caseId, string claimId, ObjectionRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).ObjectToClaim(new ObjectToClaim(Ids.Check(claimId, "claimId"), http.User.CreditorId()!, body.Reason)));

    private static async Task<Ok<ClaimView>> Rule(string caseId, string claimId, RulingRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).RuleOnObjection(
            new RuleOnObjection(Ids.Check(claimId, "claimId"), http.User.Actor(), body.ConfirmedFen, body.Reason, body.RulingReference)));

    private static async Task<Ok<ClaimView>> Withdraw(string caseId, string claimId, WithdrawalRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).WithdrawClaim(new WithdrawClaim(Ids.Check(claimId, "claimId"),
            http.User.Role() == AccountRole.Creditor ? http.User.CreditorId()! : http.User.Actor(), body.Reason)));
}

/// <summary>An objection by a creditor of the case (the objector is the signed-in creditor).</summary>
public sealed record ObjectionRequest(string Reason);

/// <summary>The court's ruling (the judge is the signed-in one).</summary>
public sealed record RulingRequest(long ConfirmedFen, string Reason, string? RulingReference = null);

public sealed record WithdrawalRequest(string? Reason = null);
