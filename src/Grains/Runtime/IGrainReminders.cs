namespace CaseGrains.Runtime;

/// <summary>
/// Durable one-shot reminders of one grain (Orleans' reminders without a period), stored in PostgreSQL. A reminder
/// fires at or after its time by calling <see cref="IRemindable.ReceiveReminder"/>; it fires again until a call
/// returns without error, and is then removed unless it was set to another time meanwhile. A grain that implements
/// <see cref="IRemindable"/> takes it as a constructor parameter.
/// </summary>
public interface IGrainReminders
{
    /// <summary>Sets (or moves) the reminder called <paramref name="name"/>.</summary>
    Task SetAsync(string name, DateTimeOffset due, CancellationToken cancellationToken = default);

    Task ClearAsync(string name, CancellationToken cancellationToken = default);
}
