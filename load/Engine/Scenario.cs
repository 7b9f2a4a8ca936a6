using CaseGrains.Load.Reporting;

namespace CaseGrains.Load.Engine;

/// <summary>
/// A named piece of user behaviour, run over and over as the load simulations say (NBomber's Scenario). Each run is
/// one invocation of <see cref="Run"/>, which measures its work in <see cref="Step"/>s.
/// </summary>
public sealed record Scenario(string Name, Func<ScenarioContext, Task> Run)
{
    /// <summary>Runs with the same load shape as the first simulation before measuring; its numbers are thrown away.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.Zero;

    public IReadOnlyList<LoadSimulation> Simulations { get; init; } = [Simulation.KeepConstant(1, TimeSpan.FromSeconds(10))];

    /// <summary>An invocation rate simulation stops starting new invocations past this many in flight, and counts them as dropped.</summary>
    public int MaxInFlight { get; init; } = 50_000;

    /// <summary>Where the measured span's CPU time is read (not the warm-up's); null to leave it out of the report.</summary>
    public CpuAccount? Cpu { get; init; }

    /// <summary>How long the runner waits for invocations still in flight when the last simulation ends.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public Scenario WithWarmUp(TimeSpan warmUp) => this with { WarmUp = warmUp };

    public Scenario WithLoadSimulations(params LoadSimulation[] simulations) => this with { Simulations = simulations };
}
