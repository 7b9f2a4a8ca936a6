namespace CaseGrains.WebFront.MachineApi.Keys;

/// <summary>A key as the platform lists it: never its secret.</summary>
public sealed record DepartmentKeyView(string Department, string KeyId, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt);
