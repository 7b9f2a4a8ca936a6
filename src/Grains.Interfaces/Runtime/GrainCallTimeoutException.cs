namespace CaseGrains.Runtime;

/// <summary>A grain call did not complete in time, for instance a cycle of non-reentrant calls.</summary>
public sealed class GrainCallTimeoutException(string grain, string method, TimeSpan timeout)
    : TimeoutException($"The call {grain}.{method} did not complete within {timeout.TotalSeconds:0.###} s. A cycle of calls between grains (A calls B calls A) waits for itself and ends this way.")
{
    public string Grain { get; } = grain;
    public string Method { get; } = method;
}
