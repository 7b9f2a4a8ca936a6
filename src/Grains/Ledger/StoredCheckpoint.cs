namespace CaseGrains.Ledger;

/// <summary>
/// A published checkpoint: the note as the log signed it (log signature only) and what the witnesses said about it.
/// Its size and root are read from the signed note itself.
/// </summary>
public sealed class StoredCheckpoint(string note, DateTimeOffset publishedAt, IReadOnlyList<WitnessStatement> statements)
{
    private SignedCheckpoint? parsed;

    public string Note { get; } = note;

    public DateTimeOffset PublishedAt { get; } = publishedAt;

    public IReadOnlyList<WitnessStatement> Statements { get; } = statements;

    /// <summary>The signed checkpoint; throws <see cref="FormatException"/> if the stored note was damaged.</summary>
    public SignedCheckpoint Signed => parsed ??= SignedCheckpoint.Parse(Note);

    public long Size => Signed.Size;

    public byte[] RootHash => Signed.RootHash;

    /// <summary>The note with every stored cosignature line after the log's signature: what is published.</summary>
    public string Published()
    {
        var note = Signed.Note;
        foreach (var statement in Statements)
        {
            if (statement.Cosigned)
                note = note.WithSignature(NoteSignature.ParseLine(statement.Signature));
        }
        return note.Format();
    }
}
