using CaseGrains.Cases;
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
        claim.MapGet("/", Get).WithName("GetClaim");
        claim.MapGet("/history", History).WithName("GetClaimHistory").WithSummary("Every change to the claim, oldest first: who, when, why.");
        claim.MapPost("/review-start", StartReview).WithName("StartClaimReview").WithSummary("The administrator takes the declaration up for review (EBL 57).");
        claim.MapPost("/objections", Object).WithName("ObjectToClaim")
            .WithSummary("The claim's creditor or another creditor objects to the review result; the claim is disputed before the court (EBL 58).");
        claim.MapPost("/ruling", Rule).WithName("RuleOnClaimObjection").WithSummary("The court's ruling on an objection fixes the confirmed amount.");
        claim.MapPost("/withdrawal", Withdraw).WithName("WithdrawClaim").WithSummary("The creditor, or whoever declared for it, withdraws the declaration.");
        return routes;
    }

    private static ICaseGrain Case(IGrainFactory grains, string caseId) => grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId"));

    private static async Task<Ok<ClaimView>> Get(string caseId, string claimId, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).GetClaim(Ids.Check(claimId, "claimId")));

    private static async Task<Ok<IReadOnlyList<ClaimHistoryEntry>>> History(string caseId, string claimId, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).GetClaimHistory(Ids.Check(claimId, "claimId")));

    private static async Task<Ok<ClaimView>> StartReview(string caseId, string claimId, StartReviewRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).StartReview(new StartClaimReview(Ids.Check(claimId, "claimId"), body.AdministratorId)));

    private static async Task<Ok<ClaimView>> Object(string caseId, string claimId, ObjectionRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).ObjectToClaim(new ObjectToClaim(Ids.Check(claimId, "claimId"), body.ObjectorId, body.Reason)));

    private static async Task<Ok<ClaimView>> Rule(string caseId, string claimId, RulingRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).RuleOnObjection(
            new RuleOnObjection(Ids.Check(claimId, "claimId"), body.JudgeId, body.ConfirmedFen, body.Reason, body.RulingReference)));

    private static async Task<Ok<ClaimView>> Withdraw(string caseId, string claimId, WithdrawalRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).WithdrawClaim(new WithdrawClaim(Ids.Check(claimId, "claimId"), body.ActorId, body.Reason)));
}

public sealed record StartReviewRequest(string AdministratorId);

public sealed record ObjectionRequest(string ObjectorId, string Reason);

public sealed record RulingRequest(string JudgeId, long ConfirmedFen, string Reason, string? RulingReference = null);

public sealed record WithdrawalRequest(string ActorId, string? Reason = null);
