namespace CaseGrains.Silo.Storage;

/// <summary>What the runtime needs from storage: leases, versioned state and appended facts.</summary>
public interface IGrainStore
{
    /// <summary>Takes the grain over for this node (a new epoch fences every earlier activation) and reads its state.</summary>
    Task<GrainLease> AcquireAsync(Activations.GrainId id, string node, CancellationToken cancellationToken);

    /// <summary>Writes state if the stored version and epoch are still the given ones; returns the new version.</summary>
    Task<long> WriteStateAsync(Activations.GrainId id, long epoch, long expectedVersion, byte[] stateJson, CancellationToken cancellationToken);

    /// <summary>The grain's facts in order: each as stored JSON (UTF-8) with its ledger position, -1 where none.</summary>
    Task<IReadOnlyList<(byte[] Json, long LedgerPosition)>> ReadFactsAsync(Activations.GrainId id, CancellationToken cancellationToken);

    /// <summary>Appends facts numbered from <paramref name="firstSeq"/> in one transaction, fenced by epoch; returns ledger positions (-1 where none).</summary>
    Task<IReadOnlyList<long>> AppendFactsAsync(Activations.GrainId id, long epoch, long firstSeq, IReadOnlyList<FactRow> facts, CancellationToken cancellationToken);

    /// <summary>Sets or moves a grain's reminder.</summary>
    Task SetReminderAsync(Activations.GrainId id, string name, DateTimeOffset due, CancellationToken cancellationToken);

    Task ClearReminderAsync(Activations.GrainId id, string name, CancellationToken cancellationToken);

    /// <summary>Reminders due at <paramref name="now"/>, earliest first.</summary>
    Task<IReadOnlyList<DueReminder>> ReadDueRemindersAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>After a reminder fired: removes it, or moves it to <paramref name="retryAt"/>, unless it was set to another time meanwhile.</summary>
    Task SettleReminderAsync(DueReminder fired, DateTimeOffset? retryAt, CancellationToken cancellationToken);
}

/// <summary>A stored reminder whose time has come.</summary>
public sealed record DueReminder(Activations.GrainId Grain, string Name, DateTimeOffset Due);

/// <summary>What <see cref="IGrainStore.AcquireAsync"/> returns: the fencing epoch, the state and how many facts are stored.</summary>
public sealed record GrainLease(long Epoch, long Version, byte[]? State, long FactCount);

/// <summary>A fact to append: its JSON, the ledger entry that goes with it if it is a ledger fact, and the message it leaves if any.</summary>
public sealed record FactRow(byte[] Json, LedgerRecord? Ledger, OutboxRecord? Outbox = null);

/// <summary>The parts of a ledger entry known before its position is assigned in the transaction.</summary>
public sealed record LedgerRecord(string CaseId, DateTimeOffset At, string Actor, string Kind, byte[] CanonicalData);

/// <summary>A message for an outside recipient, numbered in that recipient's order in the fact's transaction.</summary>
public sealed record OutboxRecord(string Recipient, string Kind, string CaseId, byte[] PayloadJson);
