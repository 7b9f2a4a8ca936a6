namespace CaseGrains.WebFront.MachineApi.Feed;

/// <summary>A page of the feed. Ask for the next page with <c>after=</c><see cref="Next"/>; an empty page means there is nothing newer yet.</summary>
public sealed record DepartmentFeedPage(IReadOnlyList<DepartmentFeedItem> Items, long Next, bool More);
