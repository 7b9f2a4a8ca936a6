using System.Text.Json;
using CaseGrains.Silo.Activations;

namespace CaseGrains.Silo.Storage;

/// <summary>A grain's state bound to its row; writes are checked against the version it read and the lease epoch.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState> where TState : class, new()
{
    private readonly IGrainStore store;
    private readonly GrainId id;
    private readonly long epoch;

    public PersistentState(IGrainStore store, GrainId id, GrainLease lease)
    {
        this.store = store;
        this.id = id;
        epoch = lease.Epoch;
        Version = lease.Version;
        RecordExists = lease.State is not null;
        State = lease.State is null ? new TState() : JsonSerializer.Deserialize<TState>(lease.State, StorageJson.Options) ?? new TState();
    }

    public TState State { get; set; }
    public long Version { get; private set; }
    public bool RecordExists { get; private set; }

    public async Task WriteStateAsync()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(State, StorageJson.Options);
        Version = await store.WriteStateAsync(id, epoch, Version, json, CancellationToken.None);
        RecordExists = true;
    }
}
