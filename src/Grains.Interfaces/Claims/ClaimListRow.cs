namespace CaseGrains.Claims;

/// <summary>One line of the claim list (债权表).</summary>
/// <param name="UndeterminedFen">The declared amount while the claim is not determined (declared, under review or disputed), else 0.</param>
public sealed record ClaimListRow(
    int Number,
    string ClaimId,
    string CreditorId,
    ClaimClass Class,
    ClaimOrigin Origin,
    long PrincipalFen,
    long InterestFen,
    long OtherFen,
    long DeclaredFen,
    long SecuredFen,
    string? Collateral,
    ClaimStatus Status,
    long ConfirmedFen,
    long UndeterminedFen,
    bool Late,
    int JoinsDistributionRound,
    string? Reason);
