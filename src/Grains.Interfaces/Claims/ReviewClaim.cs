namespace CaseGrains.Claims;

/// <summary>The administrator reviews a claim: confirms it in full, in part (with the confirmed amount), or rejects it, with a reason.</summary>
public sealed record ReviewClaim(string ClaimId, ClaimDecision Decision, long ConfirmedFen, string Reason, string ReviewerId);
