using System.Collections.Frozen;
using System.Reflection;

namespace CaseGrains.Silo.Activations;

/// <summary>Which class implements which grain interface, and under which stable type name it is stored.</summary>
public sealed class GrainRegistry
{
    private readonly Dictionary<Type, GrainRegistration> byInterface = [];
    private FrozenDictionary<Type, GrainRegistration>? frozen;

    public GrainRegistry Add<TInterface, TGrain>(string typeName)
        where TInterface : IGrainWithStringKey
        where TGrain : Grain, TInterface
    {
        if (frozen is not null) throw new InvalidOperationException("Grains are registered before the runtime starts.");
        foreach (var method in typeof(TInterface).GetMethods().Concat(typeof(TInterface).GetInterfaces().SelectMany(i => i.GetMethods())))
        {
            var r = method.ReturnType;
            if (r != typeof(Task) && !(r.IsGenericType && r.GetGenericTypeDefinition() == typeof(Task<>)))
                throw new InvalidOperationException($"{typeof(TInterface).Name}.{method.Name} must return Task or Task<T>.");
        }
        byInterface.Add(typeof(TInterface), new GrainRegistration(typeName, typeof(TInterface), typeof(TGrain)));
        return this;
    }

    public GrainRegistration Find(Type grainInterface)
    {
        frozen ??= byInterface.ToFrozenDictionary();
        return frozen.TryGetValue(grainInterface, out var registration)
            ? registration
            : throw new InvalidOperationException($"No grain class is registered for {grainInterface.Name}.");
    }

    public IEnumerable<GrainRegistration> All => byInterface.Values;
}

public sealed record GrainRegistration(string TypeName, Type Interface, Type Implementation)
{
    public bool IsInterleaving(MethodInfo method) => method.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true);
}
