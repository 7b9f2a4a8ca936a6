namespace CaseGrains.Claims;

/// <summary>
/// The administrator lists what the debtor owes an employee (EBL 48): wages, medical and injury subsidies, pensions
/// and compensation (<paramref name="PrincipalFen"/>), and social insurance owed into the employee's own accounts
/// (<paramref name="OtherFen"/>). Listed claims are not declared; the employee may object to the entry.
/// </summary>
public sealed record ListEmployeeClaim(string CreditorId, long PrincipalFen, long OtherFen, string AdministratorId, string? Description = null);
