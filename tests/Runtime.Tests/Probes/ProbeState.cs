namespace CaseGrains.Runtime.Tests.Probes;

public sealed class ProbeState
{
    public int Count { get; set; }
}
