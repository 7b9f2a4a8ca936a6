namespace CaseGrains.Ledger;

/// <summary>
/// Checks receipts (<see cref="Receipt"/>) against a trusted log key: the checkpoint's signature, the entry's
/// inclusion at the receipt's index, and optionally that a later checkpoint still contains it.
/// </summary>
/// <param name="logKey">The log's public key.</param>
/// <param name="expectedOrigin">When set, the checkpoint must be of this log (case); a receipt for another case's
/// log is refused even if the same key signed it.</param>
public sealed class ReceiptVerifier(NoteVerifier logKey, string? expectedOrigin = null)
{
    /// <summary>Verifies the receipt for the entry carried in its extra data.</summary>
    public VerificationResult Verify(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.Extra is null
            ? VerificationResult.Failure("the receipt carries no entry (no extra line); give the entry bytes")
            : Verify(receipt, receipt.Extra);
    }

    /// <summary>Verifies that <paramref name="entry"/> (the entry's canonical bytes) is the leaf the receipt proves.</summary>
    public VerificationResult Verify(Receipt receipt, ReadOnlySpan<byte> entry)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (!CheckpointConsistency.TryParse(receipt.SignedCheckpoint, "receipt's", out var checkpoint, out var problem))
            return problem!;
        var signed = CheckSignedCheckpoint(checkpoint!, "receipt's");
        if (!signed.Ok)
            return signed;
        if (receipt.Index >= checkpoint!.Size)
            return VerificationResult.Failure($"index {receipt.Index} is not in a tree of {checkpoint.Size} entries");

        var leaf = MerkleHash.Leaf(entry);
        if (!MerkleProof.VerifyInclusion(receipt.Index, checkpoint.Size, leaf, receipt.InclusionProof, checkpoint.RootHash))
            return VerificationResult.Failure($"the entry is not at index {receipt.Index} of the tree of {checkpoint.Size} entries: the entry or the proof was altered");

        var ledgerEntry = TryDecode(entry);
        if (ledgerEntry is not null)
        {
            if (ledgerEntry.Position != receipt.Index)
                return VerificationResult.Failure($"the entry says position {ledgerEntry.Position} but is logged at index {receipt.Index}");
            if (LedgerOrigin.TryGetCaseId(checkpoint.Origin, out var caseId) && ledgerEntry.CaseId != caseId)
                return VerificationResult.Failure($"the entry is of case '{ledgerEntry.CaseId}' but the log is case '{caseId}'");
        }
        return VerificationResult.Success($"entry {receipt.Index} is in {checkpoint.Origin} at size {checkpoint.Size}");
    }

    /// <summary>
    /// Verifies that <paramref name="laterSignedCheckpoint"/> extends the receipt's checkpoint, so the entry is still
    /// in the log as of the later checkpoint. Does not re-check the entry itself; call <see cref="Verify(Receipt)"/> too.
    /// </summary>
    public VerificationResult VerifyStillIncluded(Receipt receipt, string laterSignedCheckpoint, IReadOnlyList<byte[]> consistencyProof)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (!CheckpointConsistency.TryParse(receipt.SignedCheckpoint, "receipt's", out var older, out var problem)
            || !CheckpointConsistency.TryParse(laterSignedCheckpoint, "later", out var later, out problem))
            return problem!;
        var signed = CheckSignedCheckpoint(later!, "later");
        if (!signed.Ok)
            return signed;
        return CheckpointConsistency.Verify(older!, later!, consistencyProof, logKey);
    }

    private VerificationResult CheckSignedCheckpoint(SignedCheckpoint checkpoint, string which)
    {
        if (expectedOrigin is not null && !string.Equals(checkpoint.Origin, expectedOrigin, StringComparison.Ordinal))
            return VerificationResult.Failure($"the {which} checkpoint is of '{checkpoint.Origin}', not '{expectedOrigin}'");
        if (!checkpoint.IsSignedBy(logKey))
            return VerificationResult.Failure($"the {which} checkpoint has no valid signature by {logKey.Name}");
        return VerificationResult.Success("signed");
    }

    private static LedgerEntry? TryDecode(ReadOnlySpan<byte> entry)
    {
        try
        {
            return LedgerEntryEncoding.Decode(entry.ToArray());
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
