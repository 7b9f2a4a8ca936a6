namespace CaseGrains.Claims;

/// <summary>Records a stored evidence file against a claim; its hash goes into the case ledger.</summary>
public sealed record AttachEvidence(string ClaimId, EvidenceView Evidence);
