using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Sets up a case through the public API the way its people would: a judge of the court opens it, the appointed
/// administrator invites creditors, creditors declare, the administrator confirms and convenes the meeting.
/// </summary>
public sealed class CaseScenario(ServerHost server, string caseId, string court = CaseScenario.DefaultCourt)
{
    public const string DefaultCourt = "深圳市中级人民法院";

    public string Court { get; } = court;
    public string CaseId { get; } = caseId;
    public string MeetingId => $"{CaseId}-m1";
    public Person Judge { get; private set; } = null!;
    public Person Administrator { get; private set; } = null!;
    public List<Person> Creditors { get; } = [];

    public static long ClaimOf(int creditor) => (creditor + 1) * 100_000L;
    /// <summary>Creditor ids are the creditors' own, the same in every case; these tests give each case its own creditors.</summary>
    public string CreditorOf(int creditor) => $"{CaseId}-cr{creditor:D4}";

    public static int IndexOf(string creditorId) => int.Parse(creditorId[^4..], System.Globalization.CultureInfo.InvariantCulture);

    public async Task<CaseView> OpenAsync()
    {
        Judge = await server.People.JudgeAsync($"judge-{CaseId}", Court);
        Administrator = await server.People.AdministratorAsync($"admin-{CaseId}");
        return await Judge.Http.PutOk<CaseView>($"/api/cases/{CaseId}", new OpenCase(
            $"(2026)粤03破{CaseId.Length}号", Court, "深圳示例科技有限公司", "91350100M000100Y43", Procedure.Liquidation,
            Judge.Username, Administrator.Username, new DateOnly(2026, 3, 1)));
    }

    /// <summary>Creditors 0..n-1 are invited, declare ordinary claims, and the administrator confirms them.</summary>
    public async Task<List<ClaimView>> CreditorsDeclareAndAreConfirmedAsync(int count)
    {
        var claims = new List<ClaimView>();
        for (var i = 0; i < count; i++)
        {
            var creditor = await InviteAsync(CreditorOf(i));
            var claim = await creditor.Http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims",
                new DeclareClaimRequest(creditor.CreditorId!, ClaimClass.Ordinary, ClaimOf(i)));
            claims.Add(await ConfirmAsync(claim.ClaimId));
        }
        return claims;
    }

    public async Task<Person> InviteAsync(string creditorId)
    {
        var creditor = await server.People.CreditorAsync(Administrator, CaseId, creditorId, creditorId);
        Creditors.Add(creditor);
        return creditor;
    }

    /// <summary>The administrator starts the review of a declared claim and confirms it.</summary>
    public async Task<ClaimView> ConfirmAsync(string claimId)
    {
        await StartReviewAsync(claimId);
        return await Administrator.Http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims/{claimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
    }

    public Task<ClaimView> StartReviewAsync(string claimId) =>
        Administrator.Http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims/{claimId}/review-start", new { });

    public Task<MeetingView> ScheduleMeetingAsync(TallyVisibility visibility = TallyVisibility.Live) =>
        Administrator.Http.PutOk<MeetingView>($"/api/cases/{CaseId}/meetings/{MeetingId}", new ScheduleMeetingRequest("第一次债权人会议", DateTimeOffset.UtcNow,
            [new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan)], VotingRuleSet.PrcEbl, visibility));

    public Task<ResolutionView> OpenVotingAsync() =>
        Administrator.Http.PostOk<ResolutionView>($"/api/meetings/{MeetingId}/resolutions/r1/open", new { });

    public Task<ResolutionView> CloseVotingAsync() =>
        Administrator.Http.PostOk<ResolutionView>($"/api/meetings/{MeetingId}/resolutions/r1/close", new { });

    /// <summary>How creditor i votes in these tests: a fixed mix of for, against and abstain.</summary>
    public static VoteChoice ChoiceOf(int creditor) => (creditor % 7) switch
    {
        0 => VoteChoice.Abstain,
        1 or 4 => VoteChoice.Against,
        _ => VoteChoice.For,
    };
}
