using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Meetings;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>What the dashboard read of one case, once, for every waiting-item source to share.</summary>
/// <param name="Claims">Every claim of the case, in declaration order.</param>
/// <param name="Meetings">Every meeting of the case, in the order the case lists them.</param>
public sealed record DashboardCaseFacts(CaseView Case, IReadOnlyList<ClaimView> Claims, IReadOnlyList<MeetingView> Meetings);
