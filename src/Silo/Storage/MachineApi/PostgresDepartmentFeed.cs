using System.Text.Json;
using CaseGrains.WebFront.MachineApi.Feed;
using Npgsql;

namespace CaseGrains.Silo.Storage.MachineApi;

/// <summary>A department's feed: its rows of outbox_message, by position.</summary>
public sealed class PostgresDepartmentFeed(NpgsqlDataSource dataSource) : IDepartmentFeed
{
    public async Task<IReadOnlyList<DepartmentFeedItem>> ReadAsync(string department, long after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select position, kind, case_id, recorded_at, payload::text from outbox_message
            where recipient = $1 and position > $2 order by position limit $3
            """);
        command.Parameters.Add(new() { Value = department });
        command.Parameters.Add(new() { Value = after });
        command.Parameters.Add(new() { Value = limit });
        var items = new List<DepartmentFeedItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) items.Add(Read(reader));
        return items;
    }

    internal static DepartmentFeedItem Read(NpgsqlDataReader reader, int first = 0)
    {
        using var payload = JsonDocument.Parse(reader.GetString(first + 4));
        return new DepartmentFeedItem(reader.GetInt64(first), reader.GetString(first + 1), reader.GetString(first + 2),
            reader.GetFieldValue<DateTimeOffset>(first + 3), payload.RootElement.Clone());
    }
}
