namespace CaseGrains.WebFront.Diagnostics;

/// <summary>Load-test aids (section <c>Load</c>); all off by default.</summary>
public sealed class LoadTestOptions
{
    public const string Section = "Load";

    /// <summary>
    /// Enables the no-op hub method <c>Ping</c> and the no-op endpoint <c>POST /api/noop</c>: the transport's ceiling on
    /// a machine, measured with the same generator as the vote path. Off, they answer as if they did not exist.
    /// </summary>
    public bool EnableNoop { get; set; }

    /// <summary>
    /// The process id of the load generator that started this server: once that process is gone the server stops
    /// itself, so a generator that dies unannounced does not leave it running. Unset, nothing is watched.
    /// </summary>
    public int? StopWithProcess { get; set; }
}
