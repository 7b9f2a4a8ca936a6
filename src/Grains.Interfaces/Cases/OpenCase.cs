namespace CaseGrains.Cases;

/// <summary>The court accepts a case and appoints its administrator.</summary>
/// <param name="DebtorCreditCode">The debtor's unified social credit code (GB 32100-2015); its check character is verified.</param>
/// <param name="DeclarationDeadline">
/// The last day of the declaration period the court set (EBL 45); claims declared after it are late (EBL 56).
/// </param>
public sealed record OpenCase(
    string CaseNumber,
    string Court,
    string DebtorName,
    string DebtorCreditCode,
    Procedure Procedure,
    string JudgeId,
    string AdministratorId,
    DateOnly AcceptedOn,
    DateOnly? DeclarationDeadline = null);
