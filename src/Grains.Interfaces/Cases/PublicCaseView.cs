namespace CaseGrains.Cases;

/// <summary>What the public may know of a case (公开信息): no personal data, no claims.</summary>
public sealed record PublicCaseView(
    string CaseId, string CaseNumber, string Court, string DebtorName, Procedure Procedure, DateOnly AcceptedOn, string AdministratorId,
    IReadOnlyList<string> MeetingIds);
