namespace CaseGrains.Departments;

/// <summary>A source department (数源单位) such as the tax bureau, registered on the platform.</summary>
public sealed record DepartmentRegistration(string Name, string Kind);
