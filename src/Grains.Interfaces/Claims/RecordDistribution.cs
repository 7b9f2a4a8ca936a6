namespace CaseGrains.Claims;

/// <summary>
/// The administrator records that a distribution round was paid. Claims declared afterwards join only later
/// rounds, and after the final one no claim may be declared (EBL 56).
/// </summary>
/// <param name="Reference">What paid the round (the case account's distribution transfer); a round is recorded once per
/// reference, so recording it again changes nothing.</param>
public sealed record RecordDistribution(string AdministratorId, bool Final, string? Reference = null);
