namespace CaseGrains.Claims;

/// <summary>A claim and where it stands.</summary>
public sealed record ClaimView(
    string ClaimId,
    string CaseId,
    string CreditorId,
    ClaimClass Class,
    long PrincipalFen,
    long InterestFen,
    long OtherFen,
    long SecuredFen,
    string? Collateral,
    ClaimStatus Status,
    long? ConfirmedFen,
    string? Reason,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt)
{
    public long DeclaredFen => PrincipalFen + InterestFen + OtherFen;
}
