namespace CaseGrains.Accounts;

/// <summary>A session ends after <paramref name="Idle"/> without use, and after <paramref name="Absolute"/> whatever happens.</summary>
public sealed record SessionLimits(TimeSpan Idle, TimeSpan Absolute);
