using CaseGrains.Claims;

namespace CaseGrains.CaseAccounts;

/// <summary>
/// The administrator pays <paramref name="TotalFen"/> pro rata to a class of claims: either to the confirmed claims of
/// <paramref name="Class"/> on the case's claim list, or to <paramref name="Shares"/> listed by hand (exactly one of
/// the two). An executed distribution records the case's next distribution round (EBL 56).
/// </summary>
/// <param name="Final">Whether this is the final distribution; no claim may be declared after it.</param>
public sealed record PayDistribution(
    string AdministratorId,
    long TotalFen,
    string Purpose,
    ClaimClass? Class = null,
    IReadOnlyList<DistributionShare>? Shares = null,
    bool Final = false);
