namespace CaseGrains.Claims;

/// <summary>
/// A creditor (or a proxy, or a source department on its behalf) declares a claim (EBL 49). Amounts are in fen.
/// Interest is stated as <paramref name="InterestLines"/>, each up to the acceptance date at the latest (EBL 46);
/// <paramref name="InterestFen"/> is their sum (0 means "the sum").
/// </summary>
/// <param name="DeclaredBy">The creditor itself, a proxy, or "dept-{code}" for a source department.</param>
/// <param name="Department">The source department declaring by machine, which is told of every result.</param>
public sealed record DeclareClaim(
    string CreditorId,
    ClaimClass Class,
    long PrincipalFen,
    long InterestFen,
    long OtherFen,
    long SecuredFen,
    string? Collateral,
    string DeclaredBy,
    IReadOnlyList<InterestLine>? InterestLines = null,
    string? Department = null);
