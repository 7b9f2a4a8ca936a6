namespace CaseGrains.Ledger;

/// <summary>
/// The server's own integrity check of a case's stored ledger. A service rather than a grain call: it reads and
/// rehashes every stored row, which for a ledger of millions of entries takes longer than a grain call may wait, and
/// it needs nothing a grain holds in memory.
/// </summary>
public interface ILedgerIntegrity
{
    Task<LedgerCheckResult> CheckAsync(string caseId, CancellationToken cancellationToken = default);
}
