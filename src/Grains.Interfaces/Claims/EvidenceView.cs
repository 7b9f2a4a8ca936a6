namespace CaseGrains.Claims;

/// <summary>
/// A file of evidence for a claim (EBL 49). The bytes are kept by the server; <see cref="Sha256"/> (lower-case hex,
/// computed by the server) is what the case ledger records, so anyone holding the file can show it is the one filed.
/// </summary>
public sealed record EvidenceView(
    string EvidenceId,
    string FileName,
    string MediaType,
    long SizeBytes,
    string Sha256,
    string UploadedBy,
    DateTimeOffset UploadedAt);
