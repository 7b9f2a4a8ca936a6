namespace CaseGrains.Ledger;

/// <summary>
/// The outcome of <see cref="LedgerAudit.Verify(IEnumerable{ExportedEntry}, string, NoteVerifier, string?)"/>: the first bad
/// position (null when the fault is not at one entry, e.g. a bad signature) and a sentence saying what is wrong there.
/// </summary>
public sealed record LedgerAuditResult(LedgerAuditProblem Problem, long? Position, string Message, long EntriesRead)
{
    public bool Ok => Problem == LedgerAuditProblem.None;

    public override string ToString() => Ok
        ? "OK: " + Message
        : Position is { } position ? $"FAIL at position {position}: {Message}" : "FAIL: " + Message;
}
