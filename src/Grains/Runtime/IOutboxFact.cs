namespace CaseGrains.Runtime;

/// <summary>
/// A fact that may also leave a message for someone outside the platform (a source department), in the transaction
/// that stores it: the message exists exactly when the fact does, and is delivered from there.
/// </summary>
public interface IOutboxFact
{
    /// <summary>The message to leave, or null when this fact concerns nobody outside.</summary>
    OutboxMessage? Outbox { get; }
}
