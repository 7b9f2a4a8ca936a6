namespace CaseGrains.Ledger;

/// <summary>Builds the HTTP API's ledger DTOs from a case's tree, its stored rows and checkpoints, so endpoints only route.</summary>
public static class LedgerResponses
{
    public static CheckpointResponse Checkpoint(string caseId, StoredCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var signed = checkpoint.Signed;
        return new CheckpointResponse(
            caseId, signed.Origin, signed.Size, Convert.ToBase64String(signed.RootHash), checkpoint.Published(), checkpoint.PublishedAt,
            [.. checkpoint.Statements.Where(s => s.Cosigned).Select(s => new WitnessCosignatureView(s.Witness, s.At))],
            [.. checkpoint.Statements.Where(s => !s.Cosigned).Select(s => new WitnessRefusalView(s.Witness, s.Reason ?? "", s.At))]);
    }

    public static InclusionProofResponse Inclusion(string caseId, MerkleTree tree, long index, long treeSize, string? checkpoint)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var proof = tree.InclusionProof(index, treeSize);
        return new InclusionProofResponse(caseId, index, treeSize, Convert.ToBase64String(tree.LeafHash(index)), Base64(proof), checkpoint);
    }

    public static ConsistencyProofResponse Consistency(string caseId, MerkleTree tree, long fromSize, long toSize)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new ConsistencyProofResponse(caseId, fromSize, toSize, Base64(tree.ConsistencyProof(fromSize, toSize)));
    }

    /// <summary>A receipt for the entry against the given checkpoint, carrying the entry's bytes as extra data.</summary>
    public static ReceiptResponse Receipt(string caseId, long position, byte[] entry, MerkleTree tree, SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var receipt = Ledger.Receipt.Create(tree, position, checkpoint, entry);
        return new ReceiptResponse(caseId, position, checkpoint.Size, receipt.Format());
    }

    public static LedgerEntriesPage Page(string caseId, long start, long treeSize, IReadOnlyList<StoredLedgerEntry> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var items = rows.Select(Item).ToList();
        var next = items.Count > 0 ? items[^1].Position + 1 : start;
        return new LedgerEntriesPage(caseId, start, treeSize, items, items.Count > 0 && next < treeSize ? next : null);
    }

    /// <summary>The row for display. The actor comes from the canonical bytes; a row whose bytes no longer decode is
    /// still listed, with the kind and time its columns hold and no actor.</summary>
    public static LedgerEntryItem Item(StoredLedgerEntry row)
    {
        ArgumentNullException.ThrowIfNull(row);
        LedgerEntry? decoded;
        try
        {
            decoded = LedgerEntryEncoding.Decode(row.Entry);
        }
        catch (FormatException)
        {
            decoded = null;
        }
        return new LedgerEntryItem(row.Position, decoded?.Time ?? row.RecordedAt, decoded?.Actor ?? "", decoded?.Kind ?? row.Kind,
            Convert.ToBase64String(row.Entry), Convert.ToBase64String(row.LeafHash));
    }

    private static List<string> Base64(IReadOnlyList<byte[]> hashes) => hashes.Select(Convert.ToBase64String).ToList();
}
