using CaseGrains.WebFront.MachineApi.Idempotency;
using Npgsql;

namespace CaseGrains.Silo.Storage.MachineApi;

/// <summary>
/// Idempotency records in the idempotency_record table. The insert comes first and the primary key decides: of any
/// number of concurrent requests with one key, exactly one inserts (or takes over an expired or abandoned record)
/// and runs; the others read what is there.
/// </summary>
public sealed class PostgresIdempotencyStore(NpgsqlDataSource dataSource) : IIdempotencyStore
{
    public async Task<IdempotencyBegin> BeginAsync(string scope, string key, byte[] fingerprint, TimeSpan inFlightTimeout, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        // A record released between the failed insert and the read is gone; trying again then inserts or finds the next one.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using (var insert = dataSource.CreateCommand("""
                insert into idempotency_record as r (scope, idem_key, fingerprint, locked_until, expires_at)
                values ($1, $2, $3, now() + $4, now() + $5)
                on conflict (scope, idem_key) do update set
                    fingerprint = excluded.fingerprint, created_at = now(), locked_until = excluded.locked_until, expires_at = excluded.expires_at,
                    status = null, content_type = null, location = null, response_body = null, completed_at = null
                where r.expires_at < now() or (r.status is null and r.locked_until < now() and r.fingerprint = excluded.fingerprint)
                returning 1
                """))
            {
                insert.Parameters.Add(new() { Value = scope });
                insert.Parameters.Add(new() { Value = key });
                insert.Parameters.Add(new() { Value = fingerprint });
                insert.Parameters.Add(new() { Value = inFlightTimeout });
                insert.Parameters.Add(new() { Value = lifetime });
                if (await insert.ExecuteScalarAsync(cancellationToken) is not null) return IdempotencyBegin.Run;
            }

            await using var read = dataSource.CreateCommand("""
                select fingerprint, status, content_type, location, response_body from idempotency_record where scope = $1 and idem_key = $2
                """);
            read.Parameters.Add(new() { Value = scope });
            read.Parameters.Add(new() { Value = key });
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) continue;
            if (!reader.GetFieldValue<byte[]>(0).AsSpan().SequenceEqual(fingerprint)) return IdempotencyBegin.Mismatch;
            if (reader.IsDBNull(1)) return IdempotencyBegin.InFlight;
            return IdempotencyBegin.Replay(new StoredResponse(reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<byte[]>(4)));
        }
        return IdempotencyBegin.InFlight;
    }

    public async Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update idempotency_record set status = $3, content_type = $4, location = $5, response_body = $6, completed_at = now()
            where scope = $1 and idem_key = $2 and status is null
            """);
        command.Parameters.Add(new() { Value = scope });
        command.Parameters.Add(new() { Value = key });
        command.Parameters.Add(new() { Value = response.Status });
        command.Parameters.Add(new() { Value = (object?)response.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)response.Location ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = response.Body });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from idempotency_record where scope = $1 and idem_key = $2 and status is null");
        command.Parameters.Add(new() { Value = scope });
        command.Parameters.Add(new() { Value = key });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from idempotency_record where expires_at < now()");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
