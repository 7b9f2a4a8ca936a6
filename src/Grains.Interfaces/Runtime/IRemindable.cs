namespace CaseGrains.Runtime;

/// <summary>
/// A grain the runtime wakes at a time it asked for (see IGrainReminders), activating it if it is not active, on
/// whichever node polls first, and after restarts. A reminder may fire more than once: handle it idempotently.
/// </summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string name, DateTimeOffset due);
}
