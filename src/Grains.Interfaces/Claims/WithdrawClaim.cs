namespace CaseGrains.Claims;

/// <summary>The creditor (or whoever declared for it) withdraws a declaration.</summary>
public sealed record WithdrawClaim(string ClaimId, string ActorId, string? Reason = null);
