namespace CaseGrains.Ledger;

/// <summary>Why a ledger audit failed; <see cref="None"/> when it passed.</summary>
public enum LedgerAuditProblem
{
    None,
    /// <summary>The checkpoint is not a well-formed signed checkpoint.</summary>
    MalformedCheckpoint,
    /// <summary>The checkpoint has no valid signature by the trusted log key.</summary>
    BadSignature,
    /// <summary>An entry line or its bytes cannot be read as a ledger entry.</summary>
    MalformedEntry,
    /// <summary>An entry's own position is not its place in the export: a gap, a duplicate or a reordering.</summary>
    PositionMismatch,
    /// <summary>An entry belongs to another case than the checkpoint's log.</summary>
    WrongCase,
    /// <summary>An entry's bytes do not hash to the leaf hash the log recorded for it.</summary>
    LeafHashMismatch,
    /// <summary>The export has fewer entries than the checkpoint's tree size.</summary>
    MissingEntries,
    /// <summary>The export has more entries than the checkpoint's tree size.</summary>
    ExtraEntries,
    /// <summary>The entries, taken together, do not hash to the signed root.</summary>
    RootMismatch,
}
