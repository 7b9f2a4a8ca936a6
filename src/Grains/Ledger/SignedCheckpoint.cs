namespace CaseGrains.Ledger;

/// <summary>A checkpoint together with the signed note that carries it (log signature and any cosignatures).</summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, SignedNote Note)
{
    /// <summary>Parses a signed checkpoint note; throws <see cref="FormatException"/>. Parsing does not verify.</summary>
    public static SignedCheckpoint Parse(string signedNote)
    {
        var note = SignedNote.Parse(signedNote);
        return new SignedCheckpoint(Checkpoint.Parse(note.Text), note);
    }

    public static SignedCheckpoint Create(Checkpoint checkpoint, NoteSigner logKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new SignedCheckpoint(checkpoint, SignedNote.Sign(checkpoint.Format(), logKey));
    }

    public long Size => Checkpoint.Size;

    public byte[] RootHash => Checkpoint.RootHash;

    public string Origin => Checkpoint.Origin;

    /// <summary>True when the log key's signature is present and valid (signed-note rules, see <see cref="SignedNote.IsVerifiedBy"/>).</summary>
    public bool IsSignedBy(NoteVerifier logKey) => Note.IsVerifiedBy(logKey);

    /// <summary>
    /// The time of the valid cosignature by <paramref name="witnessKey"/>, or null when there is none or one of its
    /// signatures is bad.
    /// </summary>
    public long? CosignedAt(NoteVerifier witnessKey)
    {
        ArgumentNullException.ThrowIfNull(witnessKey);
        if (witnessKey.Type != NoteKeyType.Cosignature || !Note.IsVerifiedBy(witnessKey))
            return null;
        long? latest = null;
        foreach (var signature in Note.Signatures)
        {
            if (witnessKey.Matches(signature) && Cosignature.TryGetTimestamp(signature, out var time))
                latest = latest is null ? time : Math.Max(latest.Value, time);
        }
        return latest;
    }

    public SignedCheckpoint WithCosignature(NoteSignature cosignature) => this with { Note = Note.WithSignature(cosignature) };

    public string Format() => Note.Format();

    public override string ToString() => Format();
}
