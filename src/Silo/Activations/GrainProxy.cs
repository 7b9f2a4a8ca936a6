using System.Reflection;

namespace CaseGrains.Silo.Activations;

/// <summary>A grain reference: implements the grain interface and turns every call into a call through the runtime.</summary>
public class GrainProxy : DispatchProxy
{
    private GrainRuntime? runtime;
    private GrainId id;

    internal static TGrain Create<TGrain>(GrainRuntime runtime, GrainId id)
    {
        var proxy = DispatchProxy.Create<TGrain, GrainProxy>();
        var self = (GrainProxy)(object)proxy!;
        self.runtime = runtime;
        self.id = id;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return runtime!.Dispatch(id, targetMethod, args ?? []);
    }

    public override string ToString() => id.ToString();
}
