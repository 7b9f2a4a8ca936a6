namespace CaseGrains.Claims;

/// <summary>Totals of one priority class (or of all, when <see cref="Class"/> is null) over the claims that were not withdrawn.</summary>
/// <param name="ConfirmedFen">Confirmed and partially confirmed amounts.</param>
/// <param name="UndeterminedFen">Declared amounts of claims still declared, under review or disputed.</param>
/// <param name="SecuredConfirmedFen">The secured part of confirmed amounts.</param>
public sealed record ClaimClassTotal(
    ClaimClass? Class,
    int Claims,
    long DeclaredFen,
    long ConfirmedFen,
    long UndeterminedFen,
    long RejectedFen,
    long SecuredConfirmedFen);
