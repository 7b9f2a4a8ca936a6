namespace CaseGrains.Runtime;

/// <summary>Hands out references to grains. A grain always exists: the first call activates it.</summary>
public interface IGrainFactory
{
    TGrain Get<TGrain>(string key) where TGrain : IGrainWithStringKey;
}
