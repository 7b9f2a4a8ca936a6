namespace CaseGrains.Ledger;

/// <summary>What a CaseGrains note key signs; both are ECDSA P-256 with SHA-256 (see <see cref="NoteKeys"/>).</summary>
public enum NoteKeyType
{
    /// <summary>A log key signing checkpoints (and any other note text) directly.</summary>
    Checkpoint,
    /// <summary>A witness key making timestamped tlog-cosignature/v1-style cosignatures of checkpoints.</summary>
    Cosignature,
}
