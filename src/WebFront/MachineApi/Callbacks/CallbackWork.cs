using CaseGrains.WebFront.MachineApi.Feed;

namespace CaseGrains.WebFront.MachineApi.Callbacks;

/// <summary>A notice to deliver now: to whom, where, and which attempt this is (1 for the first).</summary>
public sealed record CallbackWork(string Department, Uri Url, DepartmentFeedItem Notice, int Attempt);
