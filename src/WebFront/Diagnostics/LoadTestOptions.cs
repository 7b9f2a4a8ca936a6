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
}
