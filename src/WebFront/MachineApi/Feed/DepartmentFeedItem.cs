using System.Text.Json;

namespace CaseGrains.WebFront.MachineApi.Feed;

/// <summary>One notice for a department: its position in the department's feed, what kind it is, and its data.</summary>
public sealed record DepartmentFeedItem(long Position, string Kind, string CaseId, DateTimeOffset RecordedAt, JsonElement Data);
