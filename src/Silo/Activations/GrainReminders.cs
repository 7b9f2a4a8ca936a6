using CaseGrains.Silo.Storage;

namespace CaseGrains.Silo.Activations;

/// <summary>A grain's reminders bound to its identity.</summary>
internal sealed class GrainReminders(IGrainStore store, GrainId id) : IGrainReminders
{
    public Task SetAsync(string name, DateTimeOffset due, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return store.SetReminderAsync(id, name, due, cancellationToken);
    }

    public Task ClearAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return store.ClearReminderAsync(id, name, cancellationToken);
    }
}
