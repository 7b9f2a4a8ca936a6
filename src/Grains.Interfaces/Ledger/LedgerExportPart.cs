namespace CaseGrains.Ledger;

/// <summary>
/// A run of lines of a ledger export (casegrains-ledger-export/v1, JSON Lines): the first part starts with the
/// format line, the last ends with the checkpoint line. Concatenated in order, the parts are the export.
/// </summary>
/// <param name="Next">The position to ask for next, or null when this part ended the export.</param>
public sealed record LedgerExportPart(string Text, long? Next);
