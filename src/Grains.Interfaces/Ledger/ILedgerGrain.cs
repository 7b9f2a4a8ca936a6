using CaseGrains.Runtime;

namespace CaseGrains.Ledger;

/// <summary>
/// A case's tamper-evident ledger as the public sees it: checkpoints, entries, proofs, receipts, the export and the
/// witnesses' cosignatures (the integrity check is <see cref="ILedgerIntegrity"/>). Keyed by case id. Entries are written by the grains
/// whose facts they record; this grain reads them and never writes one.
/// </summary>
public interface ILedgerGrain : IGrainWithStringKey
{
    /// <summary>The newest published checkpoint; the first one is published when the ledger has entries and none yet.</summary>
    Task<CheckpointResponse> GetCheckpoint();

    /// <summary>
    /// How many entries the ledger holds. Asking loads the ledger into memory if it is not yet, after which it follows
    /// the entries this node writes without reading them back; a meeting asks when a vote opens, before the ballots.
    /// </summary>
    Task<long> GetSize();

    /// <summary>A published checkpoint of the given size.</summary>
    Task<CheckpointResponse> GetCheckpointAt(long treeSize);

    /// <summary>
    /// Signs and publishes a checkpoint of every entry stored so far if the ledger grew since the last one, after
    /// checking that it extends that one; returns the newest checkpoint. Refuses when the stored rows no longer match
    /// the last checkpoint: the server never signs two inconsistent checkpoints.
    /// </summary>
    Task<CheckpointResponse> PublishCheckpoint();

    Task<LedgerEntriesPage> GetEntries(long start, int count);

    /// <summary>The proof for the entry at <paramref name="position"/>; by default against the newest checkpoint,
    /// publishing one first if none covers the entry yet.</summary>
    Task<InclusionProofResponse> GetInclusionProof(long position, long? treeSize);

    /// <summary>As <see cref="GetInclusionProof"/>, for the entry with this base64 leaf hash.</summary>
    Task<InclusionProofResponse> FindInclusionProof(string leafHash, long? treeSize);

    /// <summary>The consistency proof between two sizes; <paramref name="toSize"/> defaults to the newest checkpoint's.</summary>
    Task<ConsistencyProofResponse> GetConsistencyProof(long fromSize, long? toSize);

    /// <summary>A c2sp.org/tlog-proof receipt for the entry at <paramref name="position"/> against the newest checkpoint.</summary>
    Task<ReceiptResponse> GetReceipt(long position);

    /// <summary>Starts an export: publishes a checkpoint of everything if it can, and returns the checkpoint the export covers.</summary>
    Task<CheckpointResponse> BeginExport();

    /// <summary>The export lines for entries from <paramref name="start"/> up to the checkpoint of <paramref name="treeSize"/>, as stored.</summary>
    [AlwaysInterleave]
    Task<LedgerExportPart> ExportPart(long treeSize, long start, int maxEntries);

    /// <summary>The newest checkpoint and the consistency proof a witness needs, from <paramref name="fromSize"/> or else
    /// from the last checkpoint this witness cosigned.</summary>
    Task<WitnessCheckpointResponse> GetWitnessCheckpoint(string witness, long? fromSize);

    /// <summary>Stores a witness's cosignature line after verifying it with the witness's registered key.</summary>
    Task<CheckpointResponse> AddCosignature(string witness, long treeSize, string cosignature);

    /// <summary>Stores a witness's refusal of a checkpoint, after verifying its signed statement of the reason.</summary>
    Task<CheckpointResponse> AddRefusal(string witness, long treeSize, string reason, string signature);
}
