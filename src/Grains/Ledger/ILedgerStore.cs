namespace CaseGrains.Ledger;

/// <summary>
/// What the ledger grain needs from storage: the ledger rows the fact logs wrote (read only, in position order, a
/// page at a time), and the published checkpoints with the witnesses' statements about them.
/// </summary>
public interface ILedgerStore
{
    /// <summary>The recorded leaf hashes of the rows from <paramref name="fromPosition"/> on, in position order, at most
    /// <paramref name="maxCount"/>. Positions are returned as stored, so the caller sees any gap; a recorded hash that
    /// is not <see cref="MerkleHash.Size"/> bytes throws <see cref="InvalidDataException"/>.</summary>
    Task<LedgerLeafPage> ReadLeafHashesAsync(string caseId, long fromPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The rows with positions in [<paramref name="fromPosition"/>, <paramref name="toPosition"/>), in position order, at most <paramref name="maxCount"/>.</summary>
    Task<IReadOnlyList<StoredLedgerEntry>> ReadEntriesAsync(string caseId, long fromPosition, long toPosition, int maxCount, CancellationToken cancellationToken = default);

    /// <summary>The newest published checkpoint with its witness statements, or null.</summary>
    Task<StoredCheckpoint?> ReadLatestCheckpointAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>The published checkpoint of this size with its witness statements, or null.</summary>
    Task<StoredCheckpoint?> ReadCheckpointAsync(string caseId, long treeSize, CancellationToken cancellationToken = default);

    /// <summary>The newest checkpoint this witness cosigned, or null.</summary>
    Task<StoredCheckpoint?> ReadLastCosignedAsync(string caseId, string witness, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores a newly signed checkpoint if the newest stored one is still of <paramref name="expectedLatestSize"/>
    /// (null: none), deciding atomically between concurrent publishers; false when another was stored meanwhile.
    /// </summary>
    Task<bool> AddCheckpointAsync(string caseId, long? expectedLatestSize, StoredCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Stores a witness's statement about a stored checkpoint unless it made one already; returns the stored statement.</summary>
    Task<WitnessStatement> AddWitnessStatementAsync(string caseId, long treeSize, WitnessStatement statement, CancellationToken cancellationToken = default);
}
