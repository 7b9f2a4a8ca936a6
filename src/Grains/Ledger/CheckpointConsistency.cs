namespace CaseGrains.Ledger;

/// <summary>Checks that a later checkpoint of the same log extends an earlier one, both signed by the log key.</summary>
public static class CheckpointConsistency
{
    public static VerificationResult Verify(string olderSignedCheckpoint, string newerSignedCheckpoint, IReadOnlyList<byte[]> proof, NoteVerifier logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        if (!TryParse(olderSignedCheckpoint, "older", out var older, out var problem)
            || !TryParse(newerSignedCheckpoint, "newer", out var newer, out problem))
            return problem!;
        return Verify(older!, newer!, proof, logKey);
    }

    public static VerificationResult Verify(SignedCheckpoint older, SignedCheckpoint newer, IReadOnlyList<byte[]> proof, NoteVerifier logKey)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(logKey);
        if (!older.IsSignedBy(logKey))
            return VerificationResult.Failure($"the older checkpoint (size {older.Size}) has no valid signature by {logKey.Name}");
        if (!newer.IsSignedBy(logKey))
            return VerificationResult.Failure($"the newer checkpoint (size {newer.Size}) has no valid signature by {logKey.Name}");
        if (!string.Equals(older.Origin, newer.Origin, StringComparison.Ordinal))
            return VerificationResult.Failure($"the checkpoints are of different logs: '{older.Origin}' and '{newer.Origin}'");
        if (newer.Size < older.Size)
            return VerificationResult.Failure($"the newer checkpoint has {newer.Size} entries, fewer than the older's {older.Size}: the log shrank");
        if (!MerkleProof.VerifyConsistency(older.Size, newer.Size, older.RootHash, newer.RootHash, proof))
            return VerificationResult.Failure(older.Size == newer.Size
                ? $"two different roots for the same size {older.Size}: the log forked"
                : $"the consistency proof from size {older.Size} to {newer.Size} does not verify: the log was rewritten or the proof is wrong");
        return VerificationResult.Success($"size {newer.Size} of {newer.Origin} extends size {older.Size} consistently");
    }

    internal static bool TryParse(string text, string which, out SignedCheckpoint? checkpoint, out VerificationResult? problem)
    {
        checkpoint = null;
        problem = null;
        try
        {
            checkpoint = SignedCheckpoint.Parse(text);
            return true;
        }
        catch (FormatException e)
        {
            problem = VerificationResult.Failure($"the {which} checkpoint is malformed: {e.Message}");
            return false;
        }
    }
}
