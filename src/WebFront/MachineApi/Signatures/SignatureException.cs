namespace CaseGrains.MachineApi.Signatures;

/// <summary>A signature base cannot be built for this request: the message says which component and why.</summary>
public sealed class SignatureException(SignatureCheck check, string message) : Exception(message)
{
    public SignatureCheck Check { get; } = check;
}
