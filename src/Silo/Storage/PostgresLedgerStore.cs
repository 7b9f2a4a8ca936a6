using CaseGrains.Ledger;
using Npgsql;

namespace CaseGrains.Silo.Storage;

/// <summary>
/// The ledger grain's storage port over PostgreSQL: reads the rows the fact logs wrote to <c>ledger_entry</c> (by
/// primary key, in position order, a page at a time) and keeps published checkpoints and witness statements.
/// </summary>
public sealed class PostgresLedgerStore(NpgsqlDataSource dataSource) : ILedgerStore
{
    // An arbitrary class id for the advisory locks that order checkpoint publishers of one case.
    private const int CheckpointLockClass = 0x4c656467; // "Ledg"

    public async Task<LedgerLeafPage> ReadLeafHashesAsync(string caseId, long fromPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            select position, leaf_hash from ledger_entry
            where case_id = $1 and position >= $2 order by position limit $3
            """);
        command.Parameters.Add(new() { Value = caseId });
        command.Parameters.Add(new() { Value = fromPosition });
        command.Parameters.Add(new() { Value = maxCount });
        var positions = new List<long>();
        var hashes = new MemoryStream();
        var hash = new byte[MerkleHash.Size];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var position = reader.GetInt64(0);
            // Copied into one buffer: a million leaves load without a million small arrays.
            var length = reader.GetBytes(1, 0, null, 0, 0);
            if (length != MerkleHash.Size)
                throw new InvalidDataException($"ledger of case {caseId}: the recorded leaf hash at position {position} is {length} bytes, not {MerkleHash.Size}");
            reader.GetBytes(1, 0, hash, 0, MerkleHash.Size);
            positions.Add(position);
            hashes.Write(hash);
        }
        return new LedgerLeafPage([.. positions], hashes.ToArray());
    }

    public async Task<IReadOnlyList<StoredLedgerEntry>> ReadEntriesAsync(string caseId, long fromPosition, long toPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            select position, kind, recorded_at, entry, leaf_hash from ledger_entry
            where case_id = $1 and position >= $2 and position < $3 order by position limit $4
            """);
        command.Parameters.Add(new() { Value = caseId });
        command.Parameters.Add(new() { Value = fromPosition });
        command.Parameters.Add(new() { Value = toPosition });
        command.Parameters.Add(new() { Value = maxCount });
        var rows = new List<StoredLedgerEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(new StoredLedgerEntry(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4)));
        return rows;
    }

    public Task<StoredCheckpoint?> ReadLatestCheckpointAsync(string caseId, CancellationToken cancellationToken = default) =>
        ReadCheckpointAsync(caseId, "select size, note, published_at from ledger_checkpoint where case_id = $1 order by size desc limit 1", null, cancellationToken);

    public Task<StoredCheckpoint?> ReadCheckpointAsync(string caseId, long treeSize, CancellationToken cancellationToken = default) =>
        ReadCheckpointAsync(caseId, "select size, note, published_at from ledger_checkpoint where case_id = $1 and size = $2", treeSize, cancellationToken);

    public Task<StoredCheckpoint?> ReadLastCosignedAsync(string caseId, string witness, CancellationToken cancellationToken = default) =>
        ReadCheckpointAsync(caseId, """
            select c.size, c.note, c.published_at from ledger_checkpoint c
            where c.case_id = $1 and c.size = (
                select max(s.size) from ledger_witness_statement s where s.case_id = $1 and s.witness = $2 and s.cosigned)
            """, witness, cancellationToken);

    public async Task<bool> AddCheckpointAsync(string caseId, long? expectedLatestSize, StoredCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var gate = new NpgsqlCommand("select pg_advisory_xact_lock($1, hashtext($2))", connection, transaction))
        {
            gate.Parameters.Add(new() { Value = CheckpointLockClass });
            gate.Parameters.Add(new() { Value = caseId });
            await gate.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var latest = new NpgsqlCommand("select max(size) from ledger_checkpoint where case_id = $1", connection, transaction))
        {
            latest.Parameters.Add(new() { Value = caseId });
            var size = await latest.ExecuteScalarAsync(cancellationToken);
            if ((size is long stored ? stored : (long?)null) != expectedLatestSize)
                return false;
        }
        await using (var insert = new NpgsqlCommand(
            "insert into ledger_checkpoint (case_id, size, root_hash, note, published_at) values ($1, $2, $3, $4, $5)", connection, transaction))
        {
            insert.Parameters.Add(new() { Value = caseId });
            insert.Parameters.Add(new() { Value = checkpoint.Size });
            insert.Parameters.Add(new() { Value = checkpoint.RootHash });
            insert.Parameters.Add(new() { Value = checkpoint.Note });
            insert.Parameters.Add(new() { Value = checkpoint.PublishedAt });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<WitnessStatement> AddWitnessStatementAsync(string caseId, long treeSize, WitnessStatement statement, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        await using (var insert = dataSource.CreateCommand("""
            insert into ledger_witness_statement (case_id, size, witness, cosigned, signature, reason, stated_at)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict (case_id, size, witness) do nothing
            """))
        {
            insert.Parameters.Add(new() { Value = caseId });
            insert.Parameters.Add(new() { Value = treeSize });
            insert.Parameters.Add(new() { Value = statement.Witness });
            insert.Parameters.Add(new() { Value = statement.Cosigned });
            insert.Parameters.Add(new() { Value = statement.Signature });
            insert.Parameters.Add(new() { Value = (object?)statement.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = statement.At });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        var statements = await ReadStatementsAsync(caseId, treeSize, cancellationToken);
        return statements.Single(s => s.Witness == statement.Witness);
    }

    /// <summary>The cases whose ledger has entries that no published checkpoint covers yet.</summary>
    public async Task<IReadOnlyList<string>> CasesAwaitingCheckpointAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select h.case_id from ledger_head h
            where h.size > coalesce((select max(c.size) from ledger_checkpoint c where c.case_id = h.case_id), 0)
            order by h.case_id
            """);
        var cases = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            cases.Add(reader.GetString(0));
        return cases;
    }

    private async Task<StoredCheckpoint?> ReadCheckpointAsync(string caseId, string sql, object? parameter, CancellationToken cancellationToken)
    {
        long size;
        string note;
        DateTimeOffset publishedAt;
        await using (var command = dataSource.CreateCommand(sql))
        {
            command.Parameters.Add(new() { Value = caseId });
            if (parameter is not null)
                command.Parameters.Add(new() { Value = parameter });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
                return null;
            (size, note, publishedAt) = (reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
        }
        return new StoredCheckpoint(note, publishedAt, await ReadStatementsAsync(caseId, size, cancellationToken));
    }

    private async Task<List<WitnessStatement>> ReadStatementsAsync(string caseId, long size, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select witness, cosigned, signature, reason, stated_at from ledger_witness_statement
            where case_id = $1 and size = $2 order by received_at, witness
            """);
        command.Parameters.Add(new() { Value = caseId });
        command.Parameters.Add(new() { Value = size });
        var statements = new List<WitnessStatement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            statements.Add(new WitnessStatement(reader.GetString(0), reader.GetBoolean(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetFieldValue<DateTimeOffset>(4)));
        return statements;
    }
}
