namespace CaseGrains.Load.Engine;

/// <summary>What one invocation of a scenario knows: its number and where its steps are counted.</summary>
public sealed class ScenarioContext(string scenarioName, long invocationNumber, bool isWarmUp, StatsCollector stats, CancellationToken cancellationToken)
{
    public string ScenarioName { get; } = scenarioName;

    /// <summary>0, 1, 2, ... in the order invocations started, warm-up and measurement counted separately.</summary>
    public long InvocationNumber { get; } = invocationNumber;

    public bool IsWarmUp { get; } = isWarmUp;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    internal StatsCollector Stats { get; } = stats;
}
