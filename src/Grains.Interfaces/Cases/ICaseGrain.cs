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
}
