using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Load.Engine;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Load.Seeding;

/// <summary>
/// Sets a meeting up through the public API as its people would: the platform administrator creates a judge and an
/// administrator, the judge opens the case, the administrator invites the creditors, each registers, signs in and
/// declares, the administrator confirms and schedules the meeting. Every call is a measured setup step.
/// </summary>
public sealed class MeetingSeeder(ApiClient api, StatsCollector stats, int parallelism)
{
    public const string Court = "深圳市中级人民法院";
    public const string Password = "correct horse battery";
    public const string ResolutionId = "r1";

    public static long ClaimOf(int creditor) => (creditor % 97 + 1) * 100_000L;

    public async Task<SeededMeeting> SeedAsync(string platformToken, string caseId, int creditors, CancellationToken cancellationToken = default)
    {
        var (judge, administrator) = await OpenCaseAsync(platformToken, caseId);

        var seeded = new SeededCreditor[creditors];
        await Parallel.ForEachAsync(Enumerable.Range(0, creditors), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, _) => seeded[i] = await CreditorAsync(administrator.Token, caseId, i));

        var meetingId = $"{caseId}-m1";
        await Measured("seed: schedule meeting", () => api.PutAsync<MeetingView>(administrator.Token, $"/api/cases/{caseId}/meetings/{meetingId}",
            new ScheduleMeetingRequest("第一次债权人会议", DateTimeOffset.UtcNow, [new ResolutionDraft(ResolutionId, "财产管理方案", ResolutionKind.PropertyManagementPlan)],
                VotingRuleSet.PrcEbl, TallyVisibility.Live)));
        return new SeededMeeting(caseId, meetingId, ResolutionId, judge.Token, administrator.Token, seeded);
    }

    /// <summary>A judge and an administrator of their own, and the case the judge opens with them.</summary>
    public async Task<((string Username, string Token) Judge, (string Username, string Token) Administrator)> OpenCaseAsync(string platformToken, string caseId)
    {
        var judge = await StaffAsync(platformToken, $"judge-{caseId}", AccountRole.Judge, Court);
        var administrator = await StaffAsync(platformToken, $"admin-{caseId}", AccountRole.Administrator, null);
        await Measured("seed: open case", () => api.PutAsync<CaseView>(judge.Token, $"/api/cases/{caseId}", new OpenCase(
            $"(2026)粤03破{caseId}号", Court, "深圳示例科技有限公司", "91350100M000100Y43", Procedure.Liquidation,
            judge.Username, administrator.Username, new DateOnly(2026, 3, 1))));
        return (judge, administrator);
    }

    /// <summary>A staff account created by the platform administrator, signed in with password and TOTP code.</summary>
    public async Task<(string Username, string Token)> StaffAsync(string platformToken, string username, AccountRole role, string? court)
    {
        var created = await Measured("seed: create staff", () => api.PostAsync<StaffAccountCreated>(platformToken, "/api/accounts",
            new CreateStaffRequest(username, role, $"{role} {username}", Password, court)));
        var token = await Measured("seed: sign in", () => api.SignInAsync(username, Password, created.TotpSecret));
        return (username, token);
    }

    private async Task<SeededCreditor> CreditorAsync(string administratorToken, string caseId, int i)
    {
        var creditorId = $"{caseId}-cr{i:D5}";
        var username = creditorId.ToLowerInvariant();
        var invitation = await Measured("seed: invite", () => api.PostAsync<InvitationCreated>(administratorToken, $"/api/cases/{caseId}/invitations", new InviteRequest(creditorId)));
        await Measured("seed: register", () => api.PostAsync<AccountView>(null, "/api/auth/register", new RegisterRequest(invitation.Code, username, Password)));
        var token = await Measured("seed: sign in", () => api.SignInAsync(username, Password, null));
        var claim = await Measured("seed: declare claim", () => api.PostAsync<ClaimView>(token, $"/api/cases/{caseId}/claims",
            new DeclareClaimRequest(creditorId, ClaimClass.Ordinary, ClaimOf(i))));
        await Measured("seed: start review", () => api.PostAsync<ClaimView>(administratorToken, $"/api/cases/{caseId}/claims/{claim.ClaimId}/review-start", new { }));
        await Measured("seed: confirm claim", () => api.PostAsync<ClaimView>(administratorToken, $"/api/cases/{caseId}/claims/{claim.ClaimId}/review",
            new ReviewClaimRequest(ClaimDecision.Confirm)));
        return new SeededCreditor(i, creditorId, token, ClaimOf(i));
    }

    /// <summary>Runs a setup call as a measured step; a failed setup call ends the run (there is nothing to measure without it).</summary>
    private async Task<T> Measured<T>(string step, Func<Task<T>> call)
    {
        T result = default!;
        Exception? failure = null;
        await stats.MeasureAsync(step, async () =>
        {
            try
            {
                result = await call();
                return Response.Ok();
            }
            catch (Exception e)
            {
                failure = e;
                throw;
            }
        });
        if (failure is not null) throw new InvalidOperationException($"Setup step '{step}' failed: {failure.Message}", failure);
        return result;
    }
}
