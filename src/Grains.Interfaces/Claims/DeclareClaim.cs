namespace CaseGrains.Claims;

/// <summary>
/// A creditor (or a source department on its behalf) declares a claim (EBL 49). Amounts are in fen; interest is
/// only what accrued up to the acceptance date (EBL 46).
/// </summary>
public sealed record DeclareClaim(
    string CreditorId,
    ClaimClass Class,
    long PrincipalFen,
    long InterestFen,
    long OtherFen,
    long SecuredFen,
    string? Collateral,
    string DeclaredBy);
