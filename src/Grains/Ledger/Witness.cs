namespace CaseGrains.Ledger;

/// <summary>
/// A witness (the court, the tax bureau) for one log: cosigns a new checkpoint only after checking the log's
/// signature and that it extends the checkpoint the witness cosigned last. The caller keeps that last cosigned
/// checkpoint (e.g. a file) and replaces it with <see cref="WitnessResult.Cosigned"/> on success.
/// </summary>
public sealed class Witness(NoteVerifier logKey, CosignatureSigner witnessKey, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <param name="lastCosigned">The checkpoint this witness cosigned last, with its cosignature; null the first time,
    /// when there is nothing to be consistent with and the log signature alone is checked.</param>
    /// <param name="newCheckpoint">The log's new signed checkpoint.</param>
    /// <param name="proof">The consistency proof from the last size to the new size.</param>
    public WitnessResult Cosign(string? lastCosigned, string newCheckpoint, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(newCheckpoint);
        ArgumentNullException.ThrowIfNull(proof);
        if (!CheckpointConsistency.TryParse(newCheckpoint, "new", out var next, out var problem))
            return Refuse(problem!.Message);
        if (!next!.IsSignedBy(logKey))
            return Refuse($"the new checkpoint has no valid signature by the log key {logKey.Name}");

        if (lastCosigned is not null)
        {
            if (!CheckpointConsistency.TryParse(lastCosigned, "last cosigned", out var last, out problem))
                return Refuse(problem!.Message);
            if (last!.CosignedAt(witnessKey.Verifier) is null)
                return Refuse($"the last checkpoint carries no valid cosignature by {witnessKey.Name}, so it is not this witness's state");
            var consistency = CheckpointConsistency.Verify(last, next, proof, logKey);
            if (!consistency.Ok)
                return Refuse(consistency.Message);
        }

        var cosignature = witnessKey.Cosign(next.Note.Text, clock.GetUtcNow().ToUnixTimeSeconds());
        var cosigned = next.WithCosignature(cosignature);
        return new WitnessResult(true, $"cosigned {next.Origin} at size {next.Size} as {witnessKey.Name}", cosignature, cosigned);
    }

    private static WitnessResult Refuse(string why) => new(false, why, null, null);
}
