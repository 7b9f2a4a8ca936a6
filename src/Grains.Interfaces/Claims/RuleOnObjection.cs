namespace CaseGrains.Claims;

/// <summary>The court rules on an objection and fixes the confirmed amount.</summary>
/// <param name="RulingReference">The ruling's number, e.g. "(2026)粤03民初45号".</param>
public sealed record RuleOnObjection(string ClaimId, string JudgeId, long ConfirmedFen, string Reason, string? RulingReference = null);
