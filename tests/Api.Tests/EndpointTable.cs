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
        ["GET /api/my/cases"] = (SignedIn, null),
        ["GET /api/auth/antiforgery"] = (Everyone, null),
        ["POST /api/auth/register"] = (Everyone, """{"code":"NOSUCHCODE","username":"newcomer","password":"long enough password"}"""),
        // Signed-in staff pass the policy but are refused: only a creditor account joins a case by invitation.
        ["POST /api/auth/invitations"] = ([CreditorA, CreditorB], """{"code":"NOSUCHCODE"}"""),
        ["POST /api/accounts"] = ([Platform], """{"username":"x","role":"judge","displayName":"x","password":"short"}"""),
        ["POST /api/accounts/{username}/disable"] = ([Platform], null),
        ["POST /api/accounts/{username}/enable"] = ([Platform], null),
        ["POST /api/cases/{caseId}/invitations"] = ([AdminA], """{"creditorId":"cr-invited"}"""),
        ["GET /api/audit"] = ([JudgeA, JudgeB], null), // the case is in the query: the judge of another case is refused by the domain
        ["PUT /api/cases/{caseId}"] = ([JudgeA, JudgeB], // another court's judge is refused by the domain
            """{"caseNumber":"n","court":"深圳市中级人民法院","debtorName":"d","debtorCreditCode":"91350100M000100Y43","procedure":"liquidation","judgeId":"j","administratorId":"a","acceptedOn":"2026-03-01"}"""),
        ["GET /api/cases/{caseId}"] = (CaseParticipants, null),
        ["GET /api/public/cases/{caseId}"] = (Everyone, null),
        ["POST /api/cases/{caseId}/claims"] = ([AdminA, CreditorA], """{"creditorId":"case-a-cr0000","class":"ordinary","principalFen":100}"""),
        ["GET /api/cases/{caseId}/claims"] = (CaseParticipants, null),
        ["POST /api/cases/{caseId}/claims/{claimId}/review"] = ([AdminA], """{"decision":"confirm"}"""),
        ["PUT /api/creditors/{creditorId}"] = ([CreditorA, CreditorB], // another creditor is refused by the domain
            """{"name":"n","kind":"person","identityNumber":"11010519491231002X","phone":null}"""),
        // Only the staff of the creditor's own cases read its profile.
        ["GET /api/creditors/{creditorId}"] = (SignedIn, null), // who shares a case with the creditor is the domain's to say
        ["PUT /api/departments/{code}"] = ([Platform], """{"name":"税务局","kind":"tax"}"""),
        ["GET /api/departments/{code}"] = ([Platform, JudgeA, JudgeB, AdminA, AdminB], null),
        ["PUT /api/cases/{caseId}/meetings/{meetingId}"] = ([AdminA], """{"title":"t","startsAt":"2026-12-01T09:00:00Z","agenda":[{"resolutionId":"r1","title":"t","kind":"ordinary"}]}"""),
        ["GET /api/meetings/{meetingId}"] = (CaseParticipants, null),
        ["POST /api/meetings/{meetingId}/checkins"] = ([CreditorA], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/open"] = ([AdminA], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/ballots"] = ([CreditorA], """{"choice":"for"}"""),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/close"] = ([AdminA], null),
        ["GET /api/meetings/{meetingId}/resolutions/{resolutionId}/tally"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/ledger/checkpoint"] = (CaseParticipants, null),
        ["POST /api/cases/{caseId}/ledger/checkpoint"] = ([JudgeA, AdminA], null),
        ["GET /api/cases/{caseId}/ledger/checkpoints/{treeSize}"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/ledger/entries"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/ledger/proof/inclusion"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/ledger/proof/consistency"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/ledger/receipts/{position}"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/ledger/export"] = (CaseParticipants, null),
        ["POST /api/cases/{caseId}/ledger/check"] = ([JudgeA, AdminA], null),
        // Witnesses authenticate by the signatures they post, checked against their registered keys.
        ["GET /api/cases/{caseId}/ledger/witnesses/{witness}/checkpoint"] = (Everyone, null),
        ["POST /api/cases/{caseId}/ledger/witnesses/{witness}/cosignatures"] = (Everyone, """{"treeSize":1,"cosignature":"eA=="}"""),
        ["POST /api/cases/{caseId}/ledger/witnesses/{witness}/refusals"] = (Everyone, """{"treeSize":1,"reason":"x","signature":"eA=="}"""),
        ["GET /api/ledger/key"] = (Everyone, null),
        ["GET /api/ledger/keys"] = (Everyone, null),
        ["GET /api/cases/{caseId}/claims/{claimId}"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/claims/{claimId}/history"] = (CaseParticipants, null),
        ["POST /api/cases/{caseId}/claims/{claimId}/review-start"] = ([AdminA], null),
        ["POST /api/cases/{caseId}/claims/{claimId}/objections"] = ([CreditorA], """{"reason":"the amount is too high"}"""),
        ["POST /api/cases/{caseId}/claims/{claimId}/ruling"] = ([JudgeA], """{"confirmedFen":1,"reason":"ruled"}"""),
        // The administrator passes the policy but may withdraw only what it declared itself; this claim is the creditor's.
        // The case's administrator gets past the policy: it withdraws what it declared for a creditor. This claim the
        // creditor declared itself, so the claim refuses the administrator by its own rule (actorId).
        ["POST /api/cases/{caseId}/claims/{claimId}/withdrawal"] = ([CreditorA, AdminA], """{"reason":null}"""),
        ["POST /api/cases/{caseId}/claims/{claimId}/evidence"] = ([AdminA, CreditorA], """{"not":"a file type on the allow-list"}"""),
        ["GET /api/cases/{caseId}/claims/{claimId}/evidence/{evidenceId}"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/claim-list"] = ([JudgeA, AdminA], null),
        ["GET /api/cases/{caseId}/claim-list.csv"] = ([JudgeA, AdminA], null),
        ["POST /api/cases/{caseId}/employee-claims"] = ([AdminA], """{"creditorId":"employee-1","principalFen":100,"otherFen":0}"""),
        ["GET /api/creditors/{creditorId}/unmasked"] = (SignedIn, null), // likewise
        ["POST /api/departments/{code}/keys"] = ([Platform], null),
        ["GET /api/departments/{code}/keys"] = ([Platform], null),
        ["POST /api/departments/{code}/keys/{keyId}/revoke"] = ([Platform], null),
        ["PUT /api/departments/{code}/callback"] = ([Platform], """{"url":"https://tax.example.invalid/callback"}"""),
        ["GET /api/departments/{code}/callback"] = ([Platform], null),
        ["GET /api/departments/{code}/callback/attempts"] = ([Platform], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/proxy-ballots"] = ([CreditorA], """{"ballots":[]}"""),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/paper-ballots"] = ([AdminA], """{"creditorId":"case-a-cr0001","choice":"for","scanSha256":"00"}"""),
        ["GET /api/meetings/{meetingId}/resolutions/{resolutionId}/ballots/{creditorId}"] = ([CreditorA], null),
        ["POST /api/meetings/{meetingId}/provisional-amounts"] = ([JudgeA], """{"claimId":"none","amountFen":1}"""),
        ["POST /api/meetings/{meetingId}/priority-waivers"] = ([AdminA, CreditorA], """{"claimId":"none","creditorId":"case-a-cr0000"}"""),
        ["POST /api/meetings/{meetingId}/shareholders"] = ([AdminA], """{"shareholderId":"holder-1","equityFen":1}"""),
        ["POST /api/meetings/{meetingId}/proxies"] = ([AdminA], """{"representativeId":"rep-1","principalIds":[],"documentSha256":"00"}"""),
        ["GET /api/meetings/{meetingId}/proxies"] = ([JudgeA, AdminA], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/revote"] = ([AdminA], """{"votingClass":"ordinary"}"""),
        ["GET /api/meetings/{meetingId}/minutes"] = (CaseParticipants, null),
        ["GET /api/meetings/{meetingId}/creditor-view"] = (CaseParticipants, null),
        // Source departments never sign in as people: without a valid request signature nobody gets in.
        ["POST /machine/v1/cases/{caseId}/tax-claims"] = ([], """{"lines":[]}"""),
        ["GET /machine/v1/cases/{caseId}/claims/{claimId}"] = ([], null),
        ["GET /machine/v1/feed"] = ([], null),
        ["POST /machine/v1/cases/{caseId}/shared-data/{resource}"] = ([], """{"records":[]}"""),
        ["GET /api/sharing/catalogue"] = (Everyone, null),
        ["GET /api/cases/{caseId}/creditors"] = ([JudgeA, AdminA], null),
        ["GET /api/cases/{caseId}/shared-data"] = (CaseParticipants, null),
        ["GET /api/cases/{caseId}/shared-data/batches"] = ([JudgeA, AdminA], null),
        ["GET /api/cases/{caseId}/progress"] = (CaseParticipants, null),
        ["POST /api/cases/{caseId}/progress/{node}/complete"] = ([AdminA], """{"note":"已于《人民法院报》公告"}"""),
        ["PUT /api/cases/{caseId}/progress/{node}/due-date"] = ([JudgeA], """{"dueOn":"2030-01-01","reason":"set by the court"}"""),
        ["GET /api/judge/dashboard"] = ([JudgeA, JudgeB], null),
        // Disabled outside load tests: 404 for the signed-in, who get past authorization.
        ["POST /api/noop"] = (SignedIn, null),
        ["GET /api/load/runtime"] = ([Platform], null),
        // The supervised case account: the case's judge opens it and decides, its administrator moves money, both read; creditors never see it.
        ["PUT /api/cases/{caseId}/account"] = ([JudgeA], """{"accountName":"管理人账户","accountNumber":"755912345610888","bankName":"招商银行","limits":{"perTransferFen":100,"perDayFen":100,"cumulativeFen":100}}"""),
        ["GET /api/cases/{caseId}/account"] = ([JudgeA, AdminA], null),
        ["PUT /api/cases/{caseId}/account/limits"] = ([JudgeA], """{"perTransferFen":100,"perDayFen":100,"cumulativeFen":100,"reason":"r"}"""),
        ["POST /api/cases/{caseId}/account/transfers/{transferId}/cancellation"] = ([AdminA], """{"reason":"r"}"""),
        ["POST /api/cases/{caseId}/account/deposits"] = ([AdminA], """{"amountFen":100,"source":"拍卖","reference":"R-1"}"""),
        ["GET /api/cases/{caseId}/account/deposits"] = ([JudgeA, AdminA], null),
        ["POST /api/cases/{caseId}/account/transfers"] = ([AdminA], """{"payee":{"name":"n","accountNumber":"4000023309100123456"},"amountFen":100,"purpose":"p"}"""),
        ["GET /api/cases/{caseId}/account/transfers"] = ([JudgeA, AdminA], null),
        ["GET /api/cases/{caseId}/account/transfers/{transferId}"] = ([JudgeA, AdminA], null),
        ["POST /api/cases/{caseId}/account/transfers/{transferId}/approval"] = ([JudgeA], """{"reason":"ok"}"""),
        ["POST /api/cases/{caseId}/account/transfers/{transferId}/rejection"] = ([JudgeA], """{"reason":"no"}"""),
        ["POST /api/cases/{caseId}/account/distributions"] = ([AdminA], """{"totalFen":100,"purpose":"p","class":"ordinary","shares":null,"final":false}"""),
        ["POST /api/cases/{caseId}/account/distributions/preview"] = ([AdminA], """{"totalFen":100,"purpose":"p","class":"ordinary","shares":null,"final":false}"""),
        ["GET /api/cases/{caseId}/account/pending-approvals"] = ([JudgeA, AdminA], null),
    };
}
