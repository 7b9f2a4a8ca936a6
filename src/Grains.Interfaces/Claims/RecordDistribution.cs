namespace CaseGrains.Claims;

/// <summary>
/// The administrator records that a distribution round was paid. Claims declared afterwards join only later
/// rounds, and after the final one no claim may be declared (EBL 56).
/// </summary>
public sealed record RecordDistribution(string AdministratorId, bool Final);
