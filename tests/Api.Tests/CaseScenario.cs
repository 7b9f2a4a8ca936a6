using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>Sets up a case through the public API the way its people would: the court, the tax bureau, creditors, the administrator.</summary>
public sealed class CaseScenario(HttpClient http, string caseId)
{
    public string CaseId { get; } = caseId;
    public string MeetingId => $"{CaseId}-m1";
    public const string Judge = "judge-li";
    public const string Administrator = "admin-wang";

    public static long ClaimOf(int creditor) => (creditor + 1) * 100_000L;
    public static string CreditorOf(int creditor) => $"cr{creditor:D4}";

    public async Task<CaseView> OpenAsync() =>
        await http.PutOk<CaseView>($"/api/cases/{CaseId}", new OpenCase(
            $"(2026)粤03破{CaseId.Length}号", "深圳市中级人民法院", "深圳示例科技有限公司", "91440300MA5FXXXX0U", Procedure.Liquidation,
            Judge, Administrator, new DateOnly(2026, 3, 1)));

    /// <summary>Creditors 0..n-1 declare ordinary claims which the administrator confirms.</summary>
    public async Task<List<ClaimView>> CreditorsDeclareAndAreConfirmedAsync(int count)
    {
        var claims = new List<ClaimView>();
        for (var i = 0; i < count; i++)
        {
            var claim = await http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims",
                new DeclareClaimRequest(CreditorOf(i), ClaimClass.Ordinary, ClaimOf(i)));
            claims.Add(await ConfirmAsync(claim.ClaimId));
        }
        return claims;
    }

    /// <summary>The administrator starts the review of a declared claim and confirms it.</summary>
    public async Task<ClaimView> ConfirmAsync(string claimId)
    {
        await StartReviewAsync(claimId);
        return await http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims/{claimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm, Administrator));
    }

    public Task<ClaimView> StartReviewAsync(string claimId) =>
        http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims/{claimId}/review-start", new StartReviewRequest(Administrator));

    public Task<MeetingView> ScheduleMeetingAsync(TallyVisibility visibility = TallyVisibility.Live) =>
        http.PutOk<MeetingView>($"/api/meetings/{MeetingId}", new ScheduleMeetingRequest(CaseId, "第一次债权人会议", DateTimeOffset.UtcNow,
            [new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan)], Administrator, VotingRuleSet.PrcEbl, visibility));

    public Task<ResolutionView> OpenVotingAsync() =>
        http.PostOk<ResolutionView>($"/api/meetings/{MeetingId}/resolutions/r1/open", new ActorRequest(Administrator));

    public Task<ResolutionView> CloseVotingAsync() =>
        http.PostOk<ResolutionView>($"/api/meetings/{MeetingId}/resolutions/r1/close", new ActorRequest(Administrator));

    /// <summary>How creditor i votes in these tests: a fixed mix of for, against and abstain.</summary>
    public static VoteChoice ChoiceOf(int creditor) => (creditor % 7) switch
    {
        0 => VoteChoice.Abstain,
        1 or 4 => VoteChoice.Against,
        _ => VoteChoice.For,
    };
}
