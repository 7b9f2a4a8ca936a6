using CaseGrains.Accounts;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Creditors;
using CaseGrains.Departments;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Security.Totp;
using CaseGrains.WebFront.Security;

namespace CaseGrains.Silo.Hosting;

/// <summary>
/// With <c>Demo:Seed=true</c>, a court case with three dozen creditors, a tax bureau claim and a first creditors'
/// meeting whose first resolution is open for voting, and accounts to try it with: the judge and the administrator
/// (their TOTP secrets are printed once) and every creditor. Seeding is skipped when the case already exists.
/// </summary>
public static class DemoCase
{
    public const string CaseId = "demo";
    public const string MeetingId = "demo-m1";
    private const string Administrator = "admin-demo";
    private const string Judge = "judge-demo";
    private const string Court = "广东省深圳市中级人民法院";
    public const string CreditorPassword = "demo-creditor-password";
    public const string StaffPassword = "demo-staff-password";
    private static readonly DateOnly AcceptedOn = new(2026, 9, 1);

    public static async Task SeedIfAskedAsync(WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>("Demo:Seed")) return;
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var caseGrain = grains.Get<ICaseGrain>(CaseId);
        try
        {
            await caseGrain.Get();
            return;
        }
        catch (RuleViolationException e) when (e.Kind == RuleViolation.NotFound)
        {
        }

        var passwords = app.Services.GetRequiredService<Passwords>();
        var judgeSecret = await StaffAsync(grains, passwords, Judge, AccountRole.Judge, "示范法官", Court);
        var administratorSecret = await StaffAsync(grains, passwords, Administrator, AccountRole.Administrator, "示范管理人", null);
        await caseGrain.Open(new OpenCase("(2026)粤03破12号", Court, "深圳示例精密制造有限公司", "91440300MA5D0EM01H",
            Procedure.Liquidation, Judge, Administrator, AcceptedOn));
        var tax = grains.Get<ISourceDepartmentGrain>("tax-sz");
        await tax.Register(new DepartmentRegistration("国家税务总局深圳市税务局", "tax"));
        var taxClaim = await tax.DeclareClaim(CaseId, new DeclareClaim("", ClaimClass.SocialInsuranceAndTax, 8_650_000_00, 0, 0, 0, null, ""));
        await caseGrain.StartReview(new StartClaimReview(taxClaim.ClaimId, Administrator));
        await caseGrain.ReviewClaim(new ReviewClaim(taxClaim.ClaimId, ClaimDecision.Confirm, 0, "", Administrator));

        for (var i = 1; i <= 36; i++)
        {
            var creditorId = $"demo-cr{i:D2}";
            var account = grains.Get<IAccountGrain>(creditorId);
            await account.Create(new NewAccount(AccountRole.Creditor, $"债权人 {i:D2}", passwords.Hash(creditorId, CreditorPassword), null, null, creditorId));
            await account.JoinCase(CaseId);
            await grains.Get<ICreditorGrain>(creditorId).Register(new CreditorProfile($"债权人 {i:D2}", i % 4 == 0 ? CreditorKind.Person : CreditorKind.Organization,
                i % 4 == 0 ? "11010519491231002X" : "91350100M000100Y43", null));
            var secured = i % 9 == 0 ? 500_000_00L : 0;
            var claim = await caseGrain.DeclareClaim(new DeclareClaim(creditorId, ClaimClass.Ordinary, (i * 137 % 50 + 1) * 100_000_00L, 0, 0,
                secured, secured > 0 ? "厂房抵押" : null, creditorId, [new InterestLine(i * 1_234_00L, AcceptedOn.AddYears(-1), AcceptedOn)]));
            await caseGrain.StartReview(new StartClaimReview(claim.ClaimId, Administrator));
            var review = i == 7
                ? new ReviewClaim(claim.ClaimId, ClaimDecision.Reject, 0, "证据不足", Administrator)
                : i % 5 == 0
                    ? new ReviewClaim(claim.ClaimId, ClaimDecision.PartiallyConfirm, claim.DeclaredFen / 2, "部分利息计算至受理日之后", Administrator)
                    : new ReviewClaim(claim.ClaimId, ClaimDecision.Confirm, 0, "", Administrator);
            await caseGrain.ReviewClaim(review);
        }

        var meeting = grains.Get<IMeetingGrain>(MeetingId);
        await meeting.Schedule(new ScheduleMeeting(CaseId, "第一次债权人会议", DateTimeOffset.UtcNow,
            [
                new ResolutionDraft("r1", "债务人财产管理方案", ResolutionKind.PropertyManagementPlan),
                new ResolutionDraft("r2", "破产财产变价方案", ResolutionKind.RealizationPlan),
            ], VotingRuleSet.PrcEbl, TallyVisibility.Live, Administrator));
        await meeting.OpenVoting("r1", Administrator);

        Console.WriteLine($"""
            Demo case "{CaseId}" is ready. Accounts (demo data only):
              creditors demo-cr01 … demo-cr36, password {CreditorPassword}
              judge {Judge}, password {StaffPassword}, TOTP secret {judgeSecret}
              administrator {Administrator}, password {StaffPassword}, TOTP secret {administratorSecret}
            Add a TOTP secret to an authenticator app (RFC 6238, SHA-1, 6 digits, 30 s) to sign in as staff.
            """);
    }

    private static async Task<string> StaffAsync(IGrainFactory grains, Passwords passwords, string username, AccountRole role, string name, string? court)
    {
        var secret = Base32.Encode(TotpGenerator.NewSecret());
        await grains.Get<IAccountGrain>(username).Create(new NewAccount(role, name, passwords.Hash(username, StaffPassword), secret, court, null));
        return secret;
    }
}
