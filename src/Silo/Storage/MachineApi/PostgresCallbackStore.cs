using CaseGrains.WebFront.MachineApi.Callbacks;
using Npgsql;

namespace CaseGrains.Silo.Storage.MachineApi;

/// <summary>
/// Callback registrations and delivery progress in department_callback, attempts in callback_attempt. A department's
/// next notice is position delivered_through + 1 of its outbox; a lease keeps other nodes off it while it is sent.
/// </summary>
public sealed class PostgresCallbackStore(NpgsqlDataSource dataSource) : ICallbackStore
{
    public async Task<DepartmentCallbackView> RegisterAsync(string department, Uri url, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into department_callback as c (department, url, delivered_through)
            values ($1, $2, coalesce((select size from outbox_head where recipient = $1), 0))
            on conflict (department) do update set url = excluded.url, registered_at = now()
            returning department, url, registered_at, delivered_through, failures, next_attempt_at
            """);
        command.Parameters.Add(new() { Value = department });
        command.Parameters.Add(new() { Value = url.AbsoluteUri });
        return (await ReadViewAsync(command, cancellationToken))!;
    }

    public async Task<DepartmentCallbackView?> GetAsync(string department, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select department, url, registered_at, delivered_through, failures, next_attempt_at from department_callback where department = $1
            """);
        command.Parameters.Add(new() { Value = department });
        return await ReadViewAsync(command, cancellationToken);
    }

    public async Task<CallbackWork?> LeaseNextAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            with due as (
                select c.department from department_callback c
                where c.next_attempt_at <= now() and (c.lease_until is null or c.lease_until < now())
                  and exists (select 1 from outbox_message m where m.recipient = c.department and m.position = c.delivered_through + 1)
                order by c.next_attempt_at
                limit 1
                for update skip locked)
            update department_callback c set lease_until = now() + $1
            from due, outbox_message m
            where c.department = due.department and m.recipient = c.department and m.position = c.delivered_through + 1
            returning c.department, c.url, c.failures, m.position, m.kind, m.case_id, m.recorded_at, m.payload::text
            """);
        command.Parameters.Add(new() { Value = lease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new CallbackWork(reader.GetString(0), new Uri(reader.GetString(1)), PostgresDepartmentFeed.Read(reader, first: 3), reader.GetInt32(2) + 1);
    }

    public async Task RecordAsync(CallbackWork work, CallbackOutcome outcome, int? statusCode, string? error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        var moveOn = outcome is CallbackOutcome.Delivered or CallbackOutcome.Abandoned;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var attempt = new NpgsqlBatchCommand("""
            insert into callback_attempt (department, position, attempt, status_code, error, outcome) values ($1, $2, $3, $4, $5, $6)
            on conflict do nothing
            """);
        attempt.Parameters.Add(new() { Value = work.Department });
        attempt.Parameters.Add(new() { Value = work.Notice.Position });
        attempt.Parameters.Add(new() { Value = work.Attempt });
        attempt.Parameters.Add(new() { Value = (object?)statusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
        attempt.Parameters.Add(new() { Value = (object?)Truncate(error) ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        attempt.Parameters.Add(new() { Value = Name(outcome) });
        batch.BatchCommands.Add(attempt);

        var progress = new NpgsqlBatchCommand(moveOn
            ? """
              update department_callback set delivered_through = $2, failures = 0, next_attempt_at = now(), lease_until = null
              where department = $1 and delivered_through = $2 - 1
              """
            : """
              update department_callback set failures = failures + 1, next_attempt_at = $3, lease_until = null
              where department = $1 and delivered_through = $2 - 1
              """);
        progress.Parameters.Add(new() { Value = work.Department });
        progress.Parameters.Add(new() { Value = work.Notice.Position });
        if (!moveOn) progress.Parameters.Add(new() { Value = (nextAttemptAt ?? DateTimeOffset.UtcNow).ToUniversalTime() });
        batch.BatchCommands.Add(progress);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CallbackAttemptView>> ListAttemptsAsync(string department, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select position, attempt, attempted_at, outcome, status_code, error from callback_attempt
            where department = $1 order by attempted_at desc, position desc, attempt desc limit $2
            """);
        command.Parameters.Add(new() { Value = department });
        command.Parameters.Add(new() { Value = limit });
        var attempts = new List<CallbackAttemptView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            attempts.Add(new CallbackAttemptView(reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2),
                Enum.Parse<CallbackOutcome>(reader.GetString(3), ignoreCase: true),
                reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        return attempts;
    }

    private static string Name(CallbackOutcome outcome) => outcome switch
    {
        CallbackOutcome.Delivered => "delivered",
        CallbackOutcome.Abandoned => "abandoned",
        _ => "failed",
    };

    private static string? Truncate(string? error) => error is { Length: > 500 } ? error[..500] : error;

    private static async Task<DepartmentCallbackView?> ReadViewAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new DepartmentCallbackView(reader.GetString(0), new Uri(reader.GetString(1)), reader.GetFieldValue<DateTimeOffset>(2),
            reader.GetInt64(3), reader.GetInt32(4), reader.GetFieldValue<DateTimeOffset>(5));
    }
}
