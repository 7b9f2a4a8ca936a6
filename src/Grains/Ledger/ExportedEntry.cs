namespace CaseGrains.Ledger;

/// <summary>
/// One entry line of a ledger export: the entry's canonical bytes and the leaf hash the log recorded for it. The
/// recorded hashes are authenticated as a whole by the checkpoint root, which is what lets an audit name the one
/// entry whose bytes no longer match.
/// </summary>
public sealed record ExportedEntry(byte[] Encoded, byte[]? LeafHash)
{
    public static ExportedEntry From(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new ExportedEntry(entry.Encoded, entry.LeafHash());
    }
}
