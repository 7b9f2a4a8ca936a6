namespace CaseGrains.Load.Engine;

/// <summary>How many scenario invocations run during one phase of a run (NBomber's LoadSimulation).</summary>
public abstract record LoadSimulation(TimeSpan During)
{
    public abstract string Describe();
}

/// <summary>Open model: starts <paramref name="Rate"/> invocations per <paramref name="Interval"/>, however long they take.</summary>
public sealed record InjectSimulation(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation(During)
{
    public override string Describe() => $"inject {Rate} per {Interval.TotalSeconds:0.###} s for {During.TotalSeconds:0.#} s";
}

/// <summary>Open model: the start rate moves in a straight line from the previous phase's rate to <paramref name="Rate"/>.</summary>
public sealed record RampingInjectSimulation(int Rate, TimeSpan Interval, TimeSpan During) : LoadSimulation(During)
{
    public override string Describe() => $"ramp injection to {Rate} per {Interval.TotalSeconds:0.###} s over {During.TotalSeconds:0.#} s";
}

/// <summary>Closed model: <paramref name="Copies"/> virtual users each run the scenario again as soon as it ends.</summary>
public sealed record KeepConstantSimulation(int Copies, TimeSpan During) : LoadSimulation(During)
{
    public override string Describe() => $"keep {Copies} concurrent for {During.TotalSeconds:0.#} s";
}

/// <summary>Closed model: the number of virtual users moves in a straight line from the previous phase's to <paramref name="Copies"/>.</summary>
public sealed record RampingConstantSimulation(int Copies, TimeSpan During) : LoadSimulation(During)
{
    public override string Describe() => $"ramp concurrency to {Copies} over {During.TotalSeconds:0.#} s";
}

/// <summary>Factory methods named as NBomber names them.</summary>
public static class Simulation
{
    public static LoadSimulation Inject(int rate, TimeSpan interval, TimeSpan during) => new InjectSimulation(rate, interval, during);

    public static LoadSimulation RampingInject(int rate, TimeSpan interval, TimeSpan during) => new RampingInjectSimulation(rate, interval, during);

    public static LoadSimulation KeepConstant(int copies, TimeSpan during) => new KeepConstantSimulation(copies, during);

    public static LoadSimulation RampingConstant(int copies, TimeSpan during) => new RampingConstantSimulation(copies, during);
}
