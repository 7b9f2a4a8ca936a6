namespace CaseGrains.Runtime;

/// <summary>
/// A write was refused because the stored version moved on (another activation wrote, or took the grain over).
/// The activation that saw it is deactivated; the next call loads the stored state.
/// </summary>
public sealed class InconsistentStateException(string grain, string reason) : Exception($"{grain}: {reason}")
{
    public string Grain { get; } = grain;
}
