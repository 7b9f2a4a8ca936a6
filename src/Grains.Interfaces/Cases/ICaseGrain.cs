using CaseGrains.Claims;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>A bankruptcy case: its facts and its claims. Keyed by case id.</summary>
public interface ICaseGrain : IGrainWithStringKey
{
    Task<CaseView> Open(OpenCase command);

    Task<CaseView> Get();

    Task<ClaimView> DeclareClaim(DeclareClaim command);

    Task<ClaimView> ReviewClaim(ReviewClaim command);

    Task<IReadOnlyList<ClaimView>> GetClaims();

    /// <summary>Records that a meeting of this case was scheduled, so the case lists it.</summary>
    Task AddMeeting(string meetingId);

    /// <summary>Who may act in the case; null while the case is not open.</summary>
    Task<CaseAccess?> GetAccess();

    Task<PublicCaseView> GetPublic();

    /// <summary>True when the creditor was invited into the case or has a claim in it.</summary>
    Task<bool> IsParticipant(string creditorId);

    /// <summary>Records that a creditor was invited into the case.</summary>
    Task AddParticipant(string creditorId, string invitedBy);
}
