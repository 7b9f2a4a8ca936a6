namespace CaseGrains.Accounts;

/// <summary>An administrator invites a creditor into a case; the code is single-use and expires.</summary>
public sealed record Invitation(string CaseId, string CreditorId, DateTimeOffset ExpiresAt, string InvitedBy);
