using System.Text.Json;
using CaseGrains.Cases;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// A case's progress (流程节点): every participant sees the steps, their due dates and what is overdue; the
/// administrator completes steps in order; the case's judge sets due dates. Steps are named in the URL as in JSON
/// (camelCase: <c>announcement</c>, <c>firstMeeting</c>).
/// </summary>
public static class ProgressApi
{
    public static IEndpointRouteBuilder MapProgressApi(this IEndpointRouteBuilder routes)
    {
        var progress = routes.MapGroup("/cases/{caseId}/progress").WithTags("Progress");
        progress.MapGet("/", Get).Allow(Policies.CaseParticipant).WithName("GetCaseProgress")
            .WithSummary("The case's steps with due dates, the current stage and what is overdue, as of the court's today.");
        progress.MapPost("/{node}/complete", Complete).Allow(Policies.CaseAdministrator).WithName("CompleteCaseStep")
            .WithSummary("The administrator completes a step, saying what was done, once every earlier step is complete.");
        progress.MapPut("/{node}/due-date", SetDueDate).Allow(Policies.CaseJudge).WithName("SetCaseStepDueDate")
            .WithSummary("The case's judge sets or changes a step's due date (for the declaration period: its last day, EBL 45).");
        return routes;
    }

    private static ICaseGrain Case(IGrainFactory grains, string caseId) => grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId"));

    /// <summary>The step named in the URL; a name that is no step is not found.</summary>
    internal static CaseNode Node(string node)
    {
        Ids.Check(node, "node");
        foreach (var value in Enum.GetValues<CaseNode>())
            if (JsonNamingPolicy.CamelCase.ConvertName(value.ToString()) == node) return value;
        throw RuleViolationException.NotFound("node", $"There is no step {node}.");
    }

    private static async Task<Ok<CaseProgressView>> Get(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).GetProgress());

    private static async Task<Ok<CaseProgressView>> Complete(string caseId, string node, CompleteStepRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).CompleteNode(new CompleteNode(Node(node), http.User.Actor(), body.Note)));

    private static async Task<Ok<CaseProgressView>> SetDueDate(string caseId, string node, StepDueDateRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Case(grains, caseId).SetNodeDueDate(new SetNodeDueDate(Node(node), http.User.Actor(), body.DueOn, body.Reason)));
}

/// <summary>What the administrator did to complete the step (the administrator is the signed-in one).</summary>
public sealed record CompleteStepRequest(string Note);

/// <summary>The step's new last day, a court day (the judge is the signed-in one).</summary>
public sealed record StepDueDateRequest(DateOnly DueOn, string? Reason = null);
