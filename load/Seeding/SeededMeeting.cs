namespace CaseGrains.Load.Seeding;

/// <summary>A creditor ready to vote: signed in, with one confirmed ordinary claim of <paramref name="ClaimFen"/>.</summary>
public sealed record SeededCreditor(int Index, string CreditorId, string Token, long ClaimFen);

/// <summary>A case with its judge, administrator and creditors, and a scheduled meeting with one resolution.</summary>
public sealed record SeededMeeting(
    string CaseId,
    string MeetingId,
    string ResolutionId,
    string JudgeToken,
    string AdministratorToken,
    IReadOnlyList<SeededCreditor> Creditors);
