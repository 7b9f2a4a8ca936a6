namespace CaseGrains.Ledger;

/// <summary>A page of a case's ledger, in position order from <see cref="Start"/>.</summary>
/// <param name="TreeSize">The ledger's size when the page was read.</param>
/// <param name="Next">The start of the next page, or null after the last entry.</param>
public sealed record LedgerEntriesPage(string CaseId, long Start, long TreeSize, IReadOnlyList<LedgerEntryItem> Entries, long? Next);
