namespace CaseGrains.Silo.Activations;

/// <summary>A grain's identity: its registered type name and its key.</summary>
public readonly record struct GrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
