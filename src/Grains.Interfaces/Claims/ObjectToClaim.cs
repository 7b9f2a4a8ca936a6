namespace CaseGrains.Claims;

/// <summary>
/// The claim's creditor, or another creditor of the case, objects to a review result and takes it to court (EBL 58).
/// </summary>
public sealed record ObjectToClaim(string ClaimId, string ObjectorId, string Reason);
