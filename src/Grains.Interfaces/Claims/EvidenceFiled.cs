namespace CaseGrains.Claims;

/// <summary>An evidence file as recorded, and the position of the case ledger entry that holds its hash.</summary>
public sealed record EvidenceFiled(string CaseId, string ClaimId, EvidenceView Evidence, long LedgerPosition);
