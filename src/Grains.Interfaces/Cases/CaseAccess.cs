namespace CaseGrains.Cases;

/// <summary>Who acts for the court and the estate in a case: what authorization decides with.</summary>
public sealed record CaseAccess(string CaseId, string Court, string JudgeId, string AdministratorId);
