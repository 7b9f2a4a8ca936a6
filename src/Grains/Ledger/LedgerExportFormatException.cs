namespace CaseGrains.Ledger;

/// <summary>A line of a ledger export that is not what the format allows there; says which line and which entry index.</summary>
public sealed class LedgerExportFormatException(string message, long lineNumber, long entryIndex, Exception? inner = null)
    : FormatException($"line {lineNumber}: {message}", inner)
{
    /// <summary>1-based line number in the export.</summary>
    public long LineNumber { get; } = lineNumber;

    /// <summary>The index (position) of the entry the line stands for, counting entry lines from 0.</summary>
    public long EntryIndex { get; } = entryIndex;
}
