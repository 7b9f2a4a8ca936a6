namespace CaseGrains.Ledger;

/// <summary>Builds the HTTP API's ledger DTOs from a case's tree and signed checkpoint, so endpoints only route.</summary>
public static class LedgerResponses
{
    public static CheckpointResponse Checkpoint(string caseId, SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new CheckpointResponse(caseId, checkpoint.Origin, checkpoint.Size, Convert.ToBase64String(checkpoint.RootHash), checkpoint.Format());
    }

    public static InclusionProofResponse Inclusion(string caseId, MerkleTree tree, long index, long treeSize)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var proof = tree.InclusionProof(index, treeSize);
        return new InclusionProofResponse(caseId, index, treeSize, Convert.ToBase64String(tree.LeafHash(index)), Base64(proof));
    }

    public static ConsistencyProofResponse Consistency(string caseId, MerkleTree tree, long fromSize, long toSize)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return new ConsistencyProofResponse(caseId, fromSize, toSize, Base64(tree.ConsistencyProof(fromSize, toSize)));
    }

    /// <summary>A receipt for the entry against the given checkpoint, carrying the entry's bytes as extra data.</summary>
    public static ReceiptResponse Receipt(LedgerEntry entry, MerkleTree tree, SignedCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var receipt = Ledger.Receipt.Create(tree, entry.Position, checkpoint, entry.Encoded);
        return new ReceiptResponse(entry.CaseId, entry.Position, checkpoint.Size, receipt.Format());
    }

    public static LedgerEntriesPage Page(string caseId, long start, long treeSize, IReadOnlyList<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var items = entries
            .Select(e => new LedgerEntryItem(e.Position, e.Time, e.Actor, e.Kind, Convert.ToBase64String(e.Encoded), Convert.ToBase64String(e.LeafHash())))
            .ToList();
        var next = start + items.Count;
        return new LedgerEntriesPage(caseId, start, treeSize, items, items.Count > 0 && next < treeSize ? next : null);
    }

    private static List<string> Base64(IReadOnlyList<byte[]> hashes) => hashes.Select(Convert.ToBase64String).ToList();
}
