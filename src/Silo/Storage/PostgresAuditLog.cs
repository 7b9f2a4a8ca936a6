using System.Threading.Channels;
using CaseGrains.WebFront.Security;
using Npgsql;

namespace CaseGrains.Silo.Storage;

/// <summary>
/// Writes audit records in batches from a bounded queue, so that auditing never holds up a request. On shutdown the
/// queue is drained. If the queue is full (PostgreSQL far behind), the request waits for room rather than losing a record.
/// </summary>
public sealed partial class PostgresAuditLog(NpgsqlDataSource dataSource, ILogger<PostgresAuditLog> logger) : BackgroundService, IAuditLog
{
    private readonly Channel<AuditRecord> queue = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(50_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private long queued;
    private long written;
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Record(AuditRecord record)
    {
        Interlocked.Increment(ref queued);
        if (!queue.Writer.TryWrite(record)) queue.Writer.WriteAsync(record).AsTask().GetAwaiter().GetResult();
    }

    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        await FlushedAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("""
            select at, actor, role, source, method, path, status, case_id, detail from audit_log
            where ($1::text is null or case_id = $1) and ($2::text is null or actor = $2) and ($3::timestamptz is null or at >= $3)
            order by id desc limit $4
            """);
        command.Parameters.Add(new() { Value = (object?)query.CaseId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.Actor ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.Since ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = query.Limit });
        var records = new List<AuditRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            records.Add(new AuditRecord(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        return records;
    }

    /// <summary>Waits until what was queued before this call is written, so a read sees every earlier record.</summary>
    private async Task FlushedAsync(CancellationToken cancellationToken)
    {
        var target = Interlocked.Read(ref queued);
        while (Interlocked.Read(ref written) < target)
        {
            var next = Volatile.Read(ref progress);
            if (Interlocked.Read(ref written) >= target) break;
            await next.Task.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecord>(512);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
                await DrainAsync(batch, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await DrainAsync(batch, CancellationToken.None);
    }

    private async Task DrainAsync(List<AuditRecord> batch, CancellationToken cancellationToken)
    {
        while (queue.Reader.TryRead(out var record))
        {
            batch.Add(record);
            if (batch.Count == 512) await WriteAsync(batch, cancellationToken);
        }
        if (batch.Count > 0) await WriteAsync(batch, cancellationToken);
    }

    private async Task WriteAsync(List<AuditRecord> batch, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("""
                insert into audit_log (at, actor, role, source, method, path, status, case_id, detail)
                select * from unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[])
                """);
            command.Parameters.Add(new() { Value = batch.Select(r => r.At).ToArray() });
            command.Parameters.Add(new() { Value = batch.Select(r => r.Actor).ToArray() });
            command.Parameters.Add(new() { Value = batch.Select(r => r.Role).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = batch.Select(r => r.From).ToArray() });
            command.Parameters.Add(new() { Value = batch.Select(r => r.Method).ToArray() });
            command.Parameters.Add(new() { Value = batch.Select(r => r.Path).ToArray() });
            command.Parameters.Add(new() { Value = batch.Select(r => r.Status).ToArray() });
            command.Parameters.Add(new() { Value = batch.Select(r => r.CaseId).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = batch.Select(r => r.Detail).ToArray(), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            LogWriteFailed(logger, e, batch.Count);
        }
        Interlocked.Add(ref written, batch.Count);
        Interlocked.Exchange(ref progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        batch.Clear();
    }

    [LoggerMessage(LogLevel.Error, "Writing {Count} audit records failed")]
    private static partial void LogWriteFailed(ILogger logger, Exception e, int count);
}
