namespace CaseGrains.Cases;

/// <summary>The court accepts a case and appoints its administrator.</summary>
public sealed record OpenCase(
    string CaseNumber,
    string Court,
    string DebtorName,
    string DebtorCreditCode,
    Procedure Procedure,
    string JudgeId,
    string AdministratorId,
    DateOnly AcceptedOn);
