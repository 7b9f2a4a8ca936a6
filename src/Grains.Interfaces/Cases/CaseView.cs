namespace CaseGrains.Cases;

/// <summary>A case as its participants see it.</summary>
public sealed record CaseView(
    string CaseId,
    string CaseNumber,
    string Court,
    string DebtorName,
    string DebtorCreditCode,
    Procedure Procedure,
    string JudgeId,
    string AdministratorId,
    DateOnly AcceptedOn,
    int ClaimCount,
    IReadOnlyList<string> MeetingIds);
