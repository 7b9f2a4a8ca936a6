namespace CaseGrains.WebFront.Claims;

/// <summary>The bytes of evidence files, in the database beside the case.</summary>
public interface IEvidenceStore
{
    Task SaveAsync(StoredEvidence evidence, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Removes a file whose filing the case refused.</summary>
    Task DeleteAsync(string evidenceId, CancellationToken cancellationToken);

    /// <summary>The file, or null when the claim has no such file.</summary>
    Task<(StoredEvidence Evidence, byte[] Content)?> ReadAsync(string caseId, string claimId, string evidenceId, CancellationToken cancellationToken);
}

/// <summary>What is kept with an evidence file; <see cref="Sha256"/> is computed by the server over the bytes received.</summary>
public sealed record StoredEvidence(string EvidenceId, string CaseId, string ClaimId, string FileName, string MediaType, long SizeBytes, byte[] Sha256, string UploadedBy);
