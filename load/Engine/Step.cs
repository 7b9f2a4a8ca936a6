namespace CaseGrains.Load.Engine;

/// <summary>A measured part of a scenario invocation (NBomber's Step.Run): timed, counted ok or failed, bytes added.</summary>
public static class Step
{
    public static Task<Response> Run(string name, ScenarioContext context, Func<Task<Response>> action) =>
        context.Stats.MeasureAsync(name, action);
}
