using CaseGrains.Ledger;
using CaseGrains.Silo.Activations;
using Npgsql;
using NpgsqlTypes;

namespace CaseGrains.Silo.Storage;

/// <summary>
/// Grain leases, state and facts in PostgreSQL. PostgreSQL decides between two nodes: acquiring a grain bumps its
/// epoch, and every write checks the epoch under a row lock, so an activation that was taken over can no longer write.
/// </summary>
public sealed class PostgresGrainStore(NpgsqlDataSource dataSource, StorageMetrics metrics, LedgerTail ledgerTail) : IGrainStore
{
    public async Task<GrainLease> AcquireAsync(GrainId id, string node, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into grain as g (grain_type, grain_key, epoch, node) values ($1, $2, 1, $3)
            on conflict (grain_type, grain_key) do update set epoch = g.epoch + 1, node = excluded.node, activated_at = now()
            returning epoch, version, state::text,
                (select coalesce(max(seq), 0) from grain_fact f where f.grain_type = $1 and f.grain_key = $2)
            """);
        command.Parameters.Add(new() { Value = id.Type });
        command.Parameters.Add(new() { Value = id.Key });
        command.Parameters.Add(new() { Value = node });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new GrainLease(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : System.Text.Encoding.UTF8.GetBytes(reader.GetString(2)),
            reader.GetInt64(3));
    }

    public async Task<long> WriteStateAsync(GrainId id, long epoch, long expectedVersion, byte[] stateJson, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update grain set state = $5::jsonb, version = version + 1, written_at = now()
            where grain_type = $1 and grain_key = $2 and epoch = $3 and version = $4
            returning version
            """);
        command.Parameters.Add(new() { Value = id.Type });
        command.Parameters.Add(new() { Value = id.Key });
        command.Parameters.Add(new() { Value = epoch });
        command.Parameters.Add(new() { Value = expectedVersion });
        command.Parameters.Add(new() { Value = System.Text.Encoding.UTF8.GetString(stateJson), NpgsqlDbType = NpgsqlDbType.Text });
        var version = await command.ExecuteScalarAsync(cancellationToken);
        return version is long written
            ? written
            : throw new InconsistentStateException(id.ToString(), $"the state was written at version {expectedVersion} or epoch {epoch}, but storage has moved on");
    }

    public async Task<IReadOnlyList<(byte[] Json, long LedgerPosition)>> ReadFactsAsync(GrainId id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select data::text, coalesce(ledger_position, -1) from grain_fact where grain_type = $1 and grain_key = $2 order by seq");
        command.Parameters.Add(new() { Value = id.Type });
        command.Parameters.Add(new() { Value = id.Key });
        var facts = new List<(byte[], long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // The raw column is the UTF-8 text already: no detour through a UTF-16 string (a large meeting holds ~100 MB of facts).
            byte[] utf8;
            await using (var column = await reader.GetStreamAsync(0, cancellationToken))
            {
                utf8 = new byte[column.Length];
                await column.ReadExactlyAsync(utf8, cancellationToken);
            }
            facts.Add((utf8, reader.GetInt64(1)));
        }
        return facts;
    }

    public async Task<IReadOnlyList<long>> AppendFactsAsync(GrainId id, long epoch, long firstSeq, IReadOnlyList<FactRow> facts, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var positions = new long[facts.Count];
        Array.Fill(positions, -1L);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var ledgerEntries = await FenceAndReserveLedgerAsync(connection, transaction, id, epoch, facts, positions, cancellationToken);

        await using var batch = new NpgsqlBatch(connection, transaction);
        var seqs = new long[facts.Count];
        var data = new byte[facts.Count][];
        var cases = new string?[facts.Count];
        var ledgerPositions = new long?[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            seqs[i] = firstSeq + i;
            data[i] = facts[i].Json;
            cases[i] = facts[i].Ledger?.CaseId;
            ledgerPositions[i] = positions[i] >= 0 ? positions[i] : null;
        }
        var insertFacts = new NpgsqlBatchCommand("""
            insert into grain_fact (grain_type, grain_key, seq, data, case_id, ledger_position)
            select $1, $2, s, convert_from(d, 'UTF8')::json, c, p from unnest($3::bigint[], $4::bytea[], $5::text[], $6::bigint[]) as t(s, d, c, p)
            """);
        insertFacts.Parameters.Add(new() { Value = id.Type });
        insertFacts.Parameters.Add(new() { Value = id.Key });
        insertFacts.Parameters.Add(new() { Value = seqs });
        insertFacts.Parameters.Add(new() { Value = data });
        insertFacts.Parameters.Add(new() { Value = cases, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insertFacts.Parameters.Add(new() { Value = ledgerPositions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        batch.BatchCommands.Add(insertFacts);

        var leafHashes = ledgerEntries.ConvertAll(e => e.LeafHash());
        if (ledgerEntries.Count > 0)
        {
            var insertLedger = new NpgsqlBatchCommand("""
                insert into ledger_entry (case_id, position, kind, recorded_at, entry, leaf_hash)
                select * from unnest($1::text[], $2::bigint[], $3::text[], $4::timestamptz[], $5::bytea[], $6::bytea[])
                """);
            insertLedger.Parameters.Add(new() { Value = ledgerEntries.Select(e => e.CaseId).ToArray() });
            insertLedger.Parameters.Add(new() { Value = ledgerEntries.Select(e => e.Position).ToArray() });
            insertLedger.Parameters.Add(new() { Value = ledgerEntries.Select(e => e.Kind).ToArray() });
            insertLedger.Parameters.Add(new() { Value = ledgerEntries.Select(e => e.Time).ToArray() });
            insertLedger.Parameters.Add(new() { Value = ledgerEntries.Select(e => e.Encoded).ToArray() });
            insertLedger.Parameters.Add(new() { Value = leafHashes.ToArray() });
            batch.BatchCommands.Add(insertLedger);
        }

        await AddOutboxAsync(connection, transaction, batch, facts, cancellationToken);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (ledgerEntries.Count > 0) ledgerTail.Committed(ledgerEntries, leafHashes);
        metrics.FactsCommitted(System.Diagnostics.Stopwatch.GetElapsedTime(started), facts.Count);
        return positions;
    }

    public async Task SetReminderAsync(GrainId id, string name, DateTimeOffset due, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into grain_reminder (grain_type, grain_key, name, due_at) values ($1, $2, $3, $4)
            on conflict (grain_type, grain_key, name) do update set due_at = excluded.due_at
            """);
        command.Parameters.Add(new() { Value = id.Type });
        command.Parameters.Add(new() { Value = id.Key });
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = due.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ClearReminderAsync(GrainId id, string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "delete from grain_reminder where grain_type = $1 and grain_key = $2 and name = $3");
        command.Parameters.Add(new() { Value = id.Type });
        command.Parameters.Add(new() { Value = id.Key });
        command.Parameters.Add(new() { Value = name });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DueReminder>> ReadDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select grain_type, grain_key, name, due_at from grain_reminder where due_at <= $1 order by due_at limit $2");
        command.Parameters.Add(new() { Value = now.ToUniversalTime() });
        command.Parameters.Add(new() { Value = limit });
        var due = new List<DueReminder>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            due.Add(new DueReminder(new GrainId(reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3)));
        return due;
    }

    public async Task SettleReminderAsync(DueReminder fired, DateTimeOffset? retryAt, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(retryAt is null
            ? "delete from grain_reminder where grain_type = $1 and grain_key = $2 and name = $3 and due_at = $4"
            : "update grain_reminder set due_at = $5 where grain_type = $1 and grain_key = $2 and name = $3 and due_at = $4");
        command.Parameters.Add(new() { Value = fired.Grain.Type });
        command.Parameters.Add(new() { Value = fired.Grain.Key });
        command.Parameters.Add(new() { Value = fired.Name });
        command.Parameters.Add(new() { Value = fired.Due.ToUniversalTime() });
        if (retryAt is { } retry) command.Parameters.Add(new() { Value = retry.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Numbers the facts' outbox messages in each recipient's order, under the recipient's head row lock (held to the
    /// commit), and adds their insert to the batch.
    /// </summary>
    private static async Task AddOutboxAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, NpgsqlBatch batch, IReadOnlyList<FactRow> facts, CancellationToken cancellationToken)
    {
        var byRecipient = facts.Where(f => f.Outbox is not null).Select(f => f.Outbox!).GroupBy(m => m.Recipient, StringComparer.Ordinal).ToList();
        if (byRecipient.Count == 0) return;
        var messages = new List<(OutboxRecord Message, long Position)>();
        foreach (var group in byRecipient)
        {
            var count = group.Count();
            await using var head = new NpgsqlCommand("""
                insert into outbox_head as h (recipient, size) values ($1, $2)
                on conflict (recipient) do update set size = h.size + excluded.size
                returning size
                """, connection, transaction);
            head.Parameters.Add(new() { Value = group.Key });
            head.Parameters.Add(new() { Value = (long)count });
            var next = (long)(await head.ExecuteScalarAsync(cancellationToken))! - count + 1;
            foreach (var message in group) messages.Add((message, next++));
        }
        var insert = new NpgsqlBatchCommand("""
            insert into outbox_message (recipient, position, kind, case_id, payload)
            select r, p, k, c, d::jsonb from unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[]) as t(r, p, k, c, d)
            """);
        insert.Parameters.Add(new() { Value = messages.Select(m => m.Message.Recipient).ToArray() });
        insert.Parameters.Add(new() { Value = messages.Select(m => m.Position).ToArray() });
        insert.Parameters.Add(new() { Value = messages.Select(m => m.Message.Kind).ToArray() });
        insert.Parameters.Add(new() { Value = messages.Select(m => m.Message.CaseId).ToArray() });
        insert.Parameters.Add(new() { Value = messages.Select(m => System.Text.Encoding.UTF8.GetString(m.Message.PayloadJson)).ToArray() });
        batch.BatchCommands.Add(insert);
    }

    /// <summary>
    /// In one round trip: checks under a row lock that this activation still holds the grain (its epoch), and takes the
    /// next positions of each case's ledger under the ledger head's row lock (which orders every writer of that case);
    /// then encodes the entries with them. A refused fence rolls the reservation back with the transaction.
    /// </summary>
    private static async Task<List<LedgerEntry>> FenceAndReserveLedgerAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        GrainId id, long epoch, IReadOnlyList<FactRow> facts, long[] positions, CancellationToken cancellationToken)
    {
        var cases = facts.Select((f, i) => (f.Ledger, Index: i)).Where(x => x.Ledger is not null).GroupBy(x => x.Ledger!.CaseId).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        var fence = new NpgsqlBatchCommand("select epoch from grain where grain_type = $1 and grain_key = $2 for share");
        fence.Parameters.Add(new() { Value = id.Type });
        fence.Parameters.Add(new() { Value = id.Key });
        batch.BatchCommands.Add(fence);
        foreach (var caseGroup in cases)
        {
            var head = new NpgsqlBatchCommand("""
                insert into ledger_head as h (case_id, size) values ($1, $2)
                on conflict (case_id) do update set size = h.size + excluded.size
                returning size
                """);
            head.Parameters.Add(new() { Value = caseGroup.Key });
            head.Parameters.Add(new() { Value = (long)caseGroup.Count() });
            batch.BatchCommands.Add(head);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetInt64(0) != epoch)
            throw new InconsistentStateException(id.ToString(), $"another activation took the grain over (epoch {epoch} is no longer current)");
        var entries = new List<LedgerEntry>();
        foreach (var caseGroup in cases)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var next = reader.GetInt64(0) - caseGroup.Count();
            foreach (var (ledger, index) in caseGroup)
            {
                positions[index] = next;
                entries.Add(LedgerEntryEncoding.Encode(ledger!.CaseId, next, ledger.At, ledger.Actor, ledger.Kind, ledger.CanonicalData));
                next++;
            }
        }
        return entries;
    }
}
