namespace CaseGrains.WebFront.Diagnostics;

/// <summary>Counts since the process started: collections by generation (a gen2 also counts as gen1 and gen0), pause time, bytes.</summary>
public sealed record RuntimeFigures(int Gen0Collections, int Gen1Collections, int Gen2Collections, double PauseMilliseconds, long AllocatedBytes, long HeapBytes);
