namespace CaseGrains.Runtime;

/// <summary>What the runtime tells an activation about itself, and the few things a grain may ask of it.</summary>
public interface IGrainContext
{
    string GrainType { get; }
    string Key { get; }
    IGrainFactory GrainFactory { get; }

    /// <summary>
    /// Ends the current turn before the call's task completes, so the grain can take further calls while this one
    /// waits for something outside it (a group commit). After this the caller's code must not touch grain state.
    /// </summary>
    void EndTurn();

    /// <summary>Queues work to run as a turn of its own, after the current one (timers, flushes).</summary>
    void ScheduleTurn(Func<Task> work);

    /// <summary>Deactivates this activation once the current turn ends; the next call activates it afresh from storage.</summary>
    void DeactivateOnIdle();
}
