namespace CaseGrains.Silo.Activations;

/// <summary>
/// The deadline of the call a grain is serving. Calls it makes share that deadline instead of starting a fresh one,
/// so a cycle of calls (A calls B calls A) ends when the first call's time is up, rather than starting over with
/// every call still queued in it.
/// </summary>
internal static class CallChain
{
    private static readonly AsyncLocal<long> DeadlineTicks = new();

    /// <summary>Milliseconds on <see cref="Environment.TickCount64"/>, or 0 outside any grain call.</summary>
    public static long Deadline
    {
        get => DeadlineTicks.Value;
        set => DeadlineTicks.Value = value;
    }
}
