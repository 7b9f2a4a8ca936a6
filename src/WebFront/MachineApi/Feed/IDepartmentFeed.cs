namespace CaseGrains.WebFront.MachineApi.Feed;

/// <summary>The notices left for a department, in the order they were committed, read by position.</summary>
public interface IDepartmentFeed
{
    /// <summary>Up to <paramref name="limit"/> notices after position <paramref name="after"/>, oldest first.</summary>
    Task<IReadOnlyList<DepartmentFeedItem>> ReadAsync(string department, long after, int limit, CancellationToken cancellationToken);
}
