using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

/// <summary>
/// One round of a witness against a server: fetch the newest checkpoint with the consistency proof from the last
/// checkpoint this witness cosigned, check it exactly as an offline witness does (<see cref="Witness"/>), then post
/// the cosignature, or a signed refusal with the reason, so that the server shows the checkpoint as refused.
/// </summary>
internal sealed class OnlineWitness(NoteVerifier logKey, CosignatureSigner witnessKey, WitnessClient server, TimeProvider time)
{
    public async Task<OnlineWitnessOutcome> RunAsync(string? lastCosigned, CancellationToken cancellationToken)
    {
        SignedCheckpoint? given = null;
        if (lastCosigned is not null)
        {
            try
            {
                given = SignedCheckpoint.Parse(lastCosigned);
            }
            catch (FormatException e)
            {
                throw new InputException("--last is not a signed checkpoint: " + e.Message, e);
            }
        }

        var work = await server.GetCheckpointAsync(given?.Size, cancellationToken);
        string? note = null;
        var last = lastCosigned;
        if (last is null && work.LastCosigned is not null)
        {
            // Still checked: it must carry this witness's own valid cosignature, which the server cannot forge.
            last = work.LastCosigned;
            note = "no --last given: checking against the last cosigned checkpoint the server holds; keep --out and pass it as --last next time";
        }
        else if (last is null)
        {
            note = "no checkpoint cosigned before, so only the log signature is checked (first cosignature)";
        }

        SignedCheckpoint newest;
        try
        {
            newest = SignedCheckpoint.Parse(work.Newest.Checkpoint);
        }
        catch (FormatException e)
        {
            return OnlineWitnessOutcome.Refused("the server's newest checkpoint is malformed: " + e.Message, note);
        }

        var lastParsed = given;
        if (lastParsed is null && last is not null)
        {
            try
            {
                lastParsed = SignedCheckpoint.Parse(last);
            }
            catch (FormatException e)
            {
                return OnlineWitnessOutcome.Refused("the last cosigned checkpoint the server holds is malformed: " + e.Message, note);
            }
        }
        var lastSize = lastParsed?.Size ?? 0;
        if (work.FromSize != lastSize)
            return await RefuseAsync(newest, $"the server sent a proof from size {work.FromSize}, not from the last cosigned size {lastSize}", note, cancellationToken);
        if (lastParsed is not null && SameCheckpoint(lastParsed, newest))
            return new OnlineWitnessOutcome(true, $"nothing new: size {newest.Size} of {newest.Origin} is already cosigned", null, last, note);

        IReadOnlyList<byte[]> proof;
        try
        {
            proof = ProofHashes.Parse(string.Join('\n', work.Proof));
        }
        catch (FormatException e)
        {
            return await RefuseAsync(newest, "the consistency proof is malformed: " + e.Message, note, cancellationToken);
        }

        var result = new Witness(logKey, witnessKey, time).Cosign(last, work.Newest.Checkpoint, proof);
        if (!result.Ok)
            return await RefuseAsync(newest, result.Message, note, cancellationToken);
        var line = result.Cosignature!.ToLine();
        await server.PostCosignatureAsync(newest.Size, line, cancellationToken);
        return new OnlineWitnessOutcome(true, result.Message + " and posted the cosignature", line, result.Cosigned!.Format(), note);
    }

    private async Task<OnlineWitnessOutcome> RefuseAsync(SignedCheckpoint newest, string why, string? note, CancellationToken cancellationToken)
    {
        var reason = WitnessRefusal.Normalize(why);
        var signature = WitnessRefusal.Sign(witnessKey, newest.Note.Text, reason, time.GetUtcNow().ToUnixTimeSeconds());
        await server.PostRefusalAsync(newest.Size, reason, signature.ToLine().TrimEnd('\n'), cancellationToken);
        return OnlineWitnessOutcome.Refused(why + " (the refusal was posted)", note);
    }

    private static bool SameCheckpoint(SignedCheckpoint a, SignedCheckpoint b) =>
        a.Origin == b.Origin && a.Size == b.Size && a.RootHash.AsSpan().SequenceEqual(b.RootHash);
}

/// <param name="Cosignature">The cosignature line posted, with its newline; null when nothing was cosigned.</param>
/// <param name="Cosigned">The checkpoint with this witness's cosignature: the next --last.</param>
internal sealed record OnlineWitnessOutcome(bool Ok, string Message, string? Cosignature, string? Cosigned, string? Note)
{
    public static OnlineWitnessOutcome Refused(string why, string? note) => new(false, why, null, null, note);
}
