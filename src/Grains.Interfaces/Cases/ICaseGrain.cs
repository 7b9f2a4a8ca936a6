using CaseGrains.Claims;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>A bankruptcy case: its facts and its claims. Keyed by case id.</summary>
public interface ICaseGrain : IGrainWithStringKey
{
    Task<CaseView> Open(OpenCase command);

    Task<CaseView> Get();

    Task<ClaimView> DeclareClaim(DeclareClaim command);

    /// <summary>Splits a tax bureau's declaration into a priority claim and a linked ordinary claim.</summary>
    Task<TaxDeclarationView> DeclareTaxClaim(DeclareTaxClaim command);

    /// <summary>The administrator lists an employee claim (EBL 48); it stands confirmed unless the employee objects.</summary>
    Task<ClaimView> ListEmployeeClaim(ListEmployeeClaim command);

    Task<ClaimView> StartReview(StartClaimReview command);

    /// <summary>Confirms, partially confirms or rejects a claim under review.</summary>
    Task<ClaimView> ReviewClaim(ReviewClaim command);

    Task<ClaimView> ObjectToClaim(ObjectToClaim command);

    Task<ClaimView> RuleOnObjection(RuleOnObjection command);

    Task<ClaimView> WithdrawClaim(WithdrawClaim command);

    /// <summary>Returns the evidence as recorded, with the ledger position of its hash.</summary>
    Task<EvidenceFiled> AttachEvidence(AttachEvidence command);

    Task<CaseView> RecordDistribution(RecordDistribution command);

    Task<ClaimView> GetClaim(string claimId);

    /// <summary>Every change to the claim, oldest first, with who, when and why.</summary>
    Task<IReadOnlyList<ClaimHistoryEntry>> GetClaimHistory(string claimId);

    Task<IReadOnlyList<ClaimView>> GetClaims();

    /// <summary>The claim list (债权表) with totals by class.</summary>
    Task<ClaimListView> GetClaimList();

    /// <summary>Records that a meeting of this case was scheduled, so the case lists it.</summary>
    Task AddMeeting(string meetingId);

    /// <summary>Records that the case's supervised account was opened, so that readers of the case know to ask it; once.</summary>
    Task AddAccount(string openedBy);

    /// <summary>Who may act in the case; null while the case is not open.</summary>
    Task<CaseAccess?> GetAccess();

    Task<PublicCaseView> GetPublic();

    /// <summary>True when the creditor was invited into the case or has a claim in it.</summary>
    Task<bool> IsParticipant(string creditorId);

    /// <summary>Every creditor of the case, invited or named on a claim, in creditor id order, with its claims' sums.</summary>
    Task<IReadOnlyList<CaseCreditor>> GetCreditors();

    /// <summary>Records that a creditor was invited into the case.</summary>
    Task AddParticipant(string creditorId, string invitedBy);

    /// <summary>Where the case stands on its path (流程节点), as of the court's today.</summary>
    Task<CaseProgressView> GetProgress();

    /// <summary>The administrator completes a step once every earlier step is complete.</summary>
    Task<CaseProgressView> CompleteNode(CompleteNode command);

    /// <summary>The case's judge sets or changes a step's due date.</summary>
    Task<CaseProgressView> SetNodeDueDate(SetNodeDueDate command);

    /// <summary>A meeting of the case closed a vote: completes the steps that vote settles.</summary>
    Task RecordVoteClosed(MeetingVoteClosed notice);
}
