namespace CaseGrains.Claims;

/// <summary>One change to a claim: what happened, who did it, when and why, and the status before and after.</summary>
/// <param name="Action">declared, listed, reviewStarted, confirmed, partiallyConfirmed, rejected, objected, ruled, withdrawn or evidenceAttached.</param>
/// <param name="From">The status before, or null for the declaration itself.</param>
/// <param name="ConfirmedFen">The amount a decision or ruling confirmed, when the change is one.</param>
public sealed record ClaimHistoryEntry(
    string Action,
    string Actor,
    DateTimeOffset At,
    ClaimStatus? From,
    ClaimStatus To,
    string? Reason = null,
    long? ConfirmedFen = null,
    string? Detail = null);
