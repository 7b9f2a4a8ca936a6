namespace CaseGrains.Claims;

/// <summary>The administrator takes up a declaration for review (EBL 57).</summary>
public sealed record StartClaimReview(string ClaimId, string AdministratorId);
