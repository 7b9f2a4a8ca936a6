using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>An item on a meeting's agenda that creditors vote on.</summary>
/// <param name="AdjustsEquity">
/// Only for a reorganization plan: the plan adjusts the shareholders' rights, so a shareholders' class votes on it
/// (EBL 85(2)). Shareholders are on no other roll.
/// </param>
/// <param name="SmallAmountThresholdFen">
/// Only for a reorganization plan: the court split off a small-amount ordinary class of creditors whose ordinary
/// claims total at most this (EBL 82(2)); 0 when it did not.
/// </param>
/// <param name="OpensAt">When voting opens by itself, unless the administrator opened it earlier.</param>
/// <param name="ClosesAt">When voting closes by itself, unless the administrator closed it earlier or set another time on opening.</param>
public sealed record ResolutionDraft(
    string ResolutionId,
    string Title,
    ResolutionKind Kind,
    bool AdjustsEquity = false,
    long SmallAmountThresholdFen = 0,
    DateTimeOffset? OpensAt = null,
    DateTimeOffset? ClosesAt = null);
