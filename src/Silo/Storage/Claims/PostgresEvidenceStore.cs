using CaseGrains.WebFront.Claims;
using Npgsql;

namespace CaseGrains.Silo.Storage.Claims;

/// <summary>Evidence files in the claim_evidence table.</summary>
public sealed class PostgresEvidenceStore(NpgsqlDataSource dataSource) : IEvidenceStore
{
    public async Task SaveAsync(StoredEvidence evidence, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into claim_evidence (evidence_id, case_id, claim_id, file_name, media_type, size_bytes, sha256, content, uploaded_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        command.Parameters.Add(new() { Value = evidence.EvidenceId });
        command.Parameters.Add(new() { Value = evidence.CaseId });
        command.Parameters.Add(new() { Value = evidence.ClaimId });
        command.Parameters.Add(new() { Value = evidence.FileName });
        command.Parameters.Add(new() { Value = evidence.MediaType });
        command.Parameters.Add(new() { Value = evidence.SizeBytes });
        command.Parameters.Add(new() { Value = evidence.Sha256 });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = content });
        command.Parameters.Add(new() { Value = evidence.UploadedBy });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string evidenceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from claim_evidence where evidence_id = $1");
        command.Parameters.Add(new() { Value = evidenceId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(StoredEvidence Evidence, byte[] Content)?> ReadAsync(string caseId, string claimId, string evidenceId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select file_name, media_type, size_bytes, sha256, uploaded_by, content from claim_evidence
            where evidence_id = $1 and case_id = $2 and claim_id = $3
            """);
        command.Parameters.Add(new() { Value = evidenceId });
        command.Parameters.Add(new() { Value = caseId });
        command.Parameters.Add(new() { Value = claimId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var evidence = new StoredEvidence(evidenceId, caseId, claimId, reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
            reader.GetFieldValue<byte[]>(3), reader.GetString(4));
        return (evidence, reader.GetFieldValue<byte[]>(5));
    }
}
