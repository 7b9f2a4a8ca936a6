namespace CaseGrains.Runtime;

/// <summary>
/// A grain's state, loaded before activation and written only when the grain says so. Each write carries the version
/// it read; a stale one is refused with <see cref="InconsistentStateException"/> and the activation reloads.
/// A grain takes it as a constructor parameter.
/// </summary>
public interface IPersistentState<TState> where TState : class, new()
{
    TState State { get; set; }

    /// <summary>The stored version the state was read at (0: never written).</summary>
    long Version { get; }

    bool RecordExists { get; }

    Task WriteStateAsync();
}
