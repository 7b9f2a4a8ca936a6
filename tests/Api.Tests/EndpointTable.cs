namespace CaseGrains.Api.Tests;

/// <summary>Every HTTP endpoint, who may call it, and a well-formed body for it: shared by the role matrix and the bad-input walk.</summary>
internal static class EndpointTable
{
    public const string Anonymous = "anonymous";
    public const string Platform = "platform-admin";
    public const string JudgeA = "judge-a";
    public const string JudgeB = "judge-b (other court)";
    public const string AdminA = "admin-a";
    public const string AdminB = "admin-b (other case)";
    public const string CreditorA = "creditor-a";
    public const string CreditorB = "creditor-b (other case)";
    public static readonly string[] Everyone = [Anonymous, Platform, JudgeA, JudgeB, AdminA, AdminB, CreditorA, CreditorB];
    public static readonly string[] SignedIn = [Platform, JudgeA, JudgeB, AdminA, AdminB, CreditorA, CreditorB];
    public static readonly string[] CaseParticipants = [JudgeA, AdminA, CreditorA];

    /// <summary>Who gets past authorization, per endpoint ("METHOD /path/{template}"), with a body to send.</summary>
    public static readonly Dictionary<string, (string[] Allowed, string? Body)> Http = new()
    {
        // A sign-in with wrong credentials answers 401 by design; a body without a password shows authorization let it through.
        ["POST /api/auth/signin"] = (Everyone, """{"username":"nobody"}"""),
        ["POST /api/auth/token"] = (Everyone, """{"username":"nobody"}"""),
        ["POST /api/auth/signout"] = (SignedIn, null),
        ["GET /api/auth/me"] = (SignedIn, null),
        ["GET /api/auth/antiforgery"] = (Everyone, null),
        ["POST /api/auth/register"] = (Everyone, """{"code":"NOSUCHCODE","username":"newcomer","password":"long enough password"}"""),
        ["POST /api/accounts"] = ([Platform], """{"username":"x","role":"judge","displayName":"x","password":"short"}"""),
        ["POST /api/accounts/{username}/disable"] = ([Platform], null),
        ["POST /api/accounts/{username}/enable"] = ([Platform], null),
        ["POST /api/cases/{caseId}/invitations"] = ([AdminA], """{"creditorId":"cr-invited"}"""),
        ["GET /api/audit"] = ([JudgeA], null),
        ["PUT /api/cases/{caseId}"] = ([JudgeA], """{"caseNumber":"n","court":"深圳市中级人民法院","debtorName":"d","debtorCreditCode":"91350100M000100Y43","procedure":"liquidation","judgeId":"j","administratorId":"a","acceptedOn":"2026-03-01"}"""),
        ["GET /api/cases/{caseId}"] = (CaseParticipants, null),
        ["GET /api/public/cases/{caseId}"] = (Everyone, null),
        ["POST /api/cases/{caseId}/claims"] = ([AdminA, CreditorA], """{"creditorId":"case-a-cr0000","class":"ordinary","principalFen":100}"""),
        ["GET /api/cases/{caseId}/claims"] = (CaseParticipants, null),
        ["POST /api/cases/{caseId}/claims/{claimId}/review"] = ([AdminA], """{"decision":"confirm"}"""),
        ["PUT /api/creditors/{creditorId}"] = ([CreditorA], """{"name":"n","kind":"person","identityNumber":"11010519491231002X","phone":null}"""),
        ["GET /api/creditors/{creditorId}"] = ([JudgeA, JudgeB, AdminA, AdminB, CreditorA], null),
        ["PUT /api/departments/{code}"] = ([Platform], """{"name":"税务局","kind":"tax"}"""),
        ["GET /api/departments/{code}"] = ([Platform, JudgeA, JudgeB, AdminA, AdminB], null),
        ["POST /api/departments/{code}/cases/{caseId}/claims"] = ([Platform], """{"class":"socialInsuranceAndTax","principalFen":100}"""),
        ["PUT /api/cases/{caseId}/meetings/{meetingId}"] = ([AdminA], """{"title":"t","startsAt":"2026-12-01T09:00:00Z","agenda":[{"resolutionId":"r1","title":"t","kind":"ordinary"}]}"""),
        ["GET /api/meetings/{meetingId}"] = (CaseParticipants, null),
        ["POST /api/meetings/{meetingId}/checkins"] = ([CreditorA], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/open"] = ([AdminA], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/ballots"] = ([CreditorA], """{"choice":"for"}"""),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/close"] = ([AdminA], null),
        ["GET /api/meetings/{meetingId}/resolutions/{resolutionId}/tally"] = (CaseParticipants, null),
        // Disabled outside load tests: 404 for the signed-in, who get past authorization.
        ["POST /api/noop"] = (SignedIn, null),
    };
}
