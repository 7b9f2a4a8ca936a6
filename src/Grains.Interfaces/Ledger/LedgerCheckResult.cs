namespace CaseGrains.Ledger;

/// <summary>
/// The server's own check of a case's stored ledger rows: every entry re-read and rehashed, positions checked, and the
/// rows up to the newest checkpoint hashed to its signed root.
/// </summary>
/// <param name="Problem">"none" when the rows hold; otherwise what is wrong, e.g. "leafHashMismatch", "positionMismatch",
/// "missingEntries", "rootMismatch".</param>
/// <param name="Position">The first bad position, when the fault is at one entry.</param>
/// <param name="CheckpointSize">The size of the checkpoint the rows were checked against; null when none is published.</param>
public sealed record LedgerCheckResult(
    string CaseId, bool Ok, string Problem, long? Position, string Message, long EntriesChecked, long? CheckpointSize);
