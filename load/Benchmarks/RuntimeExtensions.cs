using CaseGrains.Silo.Activations;

namespace CaseGrains.Load.Benchmarks;

internal static class RuntimeExtensions
{
    /// <summary>Deactivates every idle activation: the next call to a grain loads it from PostgreSQL again.</summary>
    public static async Task DeactivateAllAsync(this GrainRuntime runtime)
    {
        while (runtime.ActivationCount > 0) await runtime.CollectIdleAsync();
    }
}
