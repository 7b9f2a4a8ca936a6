using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Browser.Tests;

/// <summary>A case with a judge, its administrator and creditors, set up through the API; the browser then takes over.</summary>
public sealed class BrowserScenario
{
    public const string Court = "深圳市中级人民法院";
    public required ServerHost Server { get; init; }
    public required string CaseId { get; init; }
    public required Person Judge { get; init; }
    public required Person Administrator { get; init; }
    public required List<Person> Creditors { get; init; }
    public string MeetingId => $"{CaseId}-m1";

    public static async Task<BrowserScenario> CreateAsync(ServerHost server, string caseId, int creditors, bool withClaims)
    {
        var judge = await server.People.JudgeAsync($"judge-{caseId}", Court);
        var administrator = await server.People.AdministratorAsync($"admin-{caseId}");
        await judge.Http.PutOk<CaseGrains.Cases.CaseView>($"/api/cases/{caseId}", new CaseGrains.Cases.OpenCase("(2026)粤03破7号", Court, "深圳示例科技有限公司",
            "91350100M000100Y43", CaseGrains.Cases.Procedure.Liquidation, judge.Username, administrator.Username, new DateOnly(2026, 3, 1)));
        var people = new List<Person>();
        for (var i = 0; i < creditors; i++)
        {
            var creditor = await server.People.CreditorAsync(administrator, caseId, $"{caseId}-cr{i}");
            people.Add(creditor);
            if (!withClaims) continue;
            var claim = await creditor.Http.PostOk<ClaimView>($"/api/cases/{caseId}/claims", new DeclareClaimRequest(creditor.CreditorId!, ClaimClass.Ordinary, (i + 1) * 1_000_000L));
            await administrator.Http.PostOk<ClaimView>($"/api/cases/{caseId}/claims/{claim.ClaimId}/review-start", new { });
            await administrator.Http.PostOk<ClaimView>($"/api/cases/{caseId}/claims/{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
        }
        return new BrowserScenario { Server = server, CaseId = caseId, Judge = judge, Administrator = administrator, Creditors = people };
    }

    public async Task OpenMeetingAsync()
    {
        await Administrator.Http.PutOk<MeetingView>($"/api/cases/{CaseId}/meetings/{MeetingId}", new ScheduleMeetingRequest("第一次债权人会议", DateTimeOffset.UtcNow,
            [new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan)]));
        await Administrator.Http.PostOk<ResolutionView>($"/api/meetings/{MeetingId}/resolutions/r1/open", new { });
    }
}
