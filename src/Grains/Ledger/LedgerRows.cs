using System.Runtime.CompilerServices;

namespace CaseGrains.Ledger;

/// <summary>Streams a case's stored ledger rows page by page, so that no reader holds a large ledger in memory.</summary>
internal static class LedgerRows
{
    public const int PageSize = 10_000;

    /// <summary>The rows with positions in [<paramref name="from"/>, <paramref name="to"/>), in position order.</summary>
    public static async IAsyncEnumerable<StoredLedgerEntry> ReadAsync(
        ILedgerStore store, string caseId, long from, long to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (from < to)
        {
            var page = await store.ReadEntriesAsync(caseId, from, to, PageSize, cancellationToken);
            foreach (var row in page)
                yield return row;
            if (page.Count < PageSize)
                yield break;
            from = page[^1].Position + 1;
        }
    }

    /// <summary>The rows as an audit reads an export: the stored bytes with the leaf hash recorded for them.</summary>
    public static async IAsyncEnumerable<ExportedEntry> AsExportedAsync(
        IAsyncEnumerable<StoredLedgerEntry> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
            yield return new ExportedEntry(row.Entry, row.LeafHash);
    }
}
