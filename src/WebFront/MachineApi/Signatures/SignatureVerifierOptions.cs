namespace CaseGrains.MachineApi.Signatures;

/// <summary>What the machine API insists on in a signature.</summary>
/// <param name="RequiredComponents">Components every accepted signature must cover; an endpoint that takes an
/// Idempotency-Key adds <see cref="SignatureComponents.IdempotencyKey"/>.</param>
/// <param name="MaxClockSkew">How far created may be from now, either way.</param>
/// <param name="Label">The signature label to verify, or null for the first one in Signature-Input.</param>
/// <param name="RequireNonce">Whether a nonce must be present; the caller refuses repeats.</param>
public sealed record SignatureVerifierOptions(
    IReadOnlyList<string> RequiredComponents,
    TimeSpan MaxClockSkew,
    string? Label = null,
    bool RequireNonce = true)
{
    public static SignatureVerifierOptions Default { get; } = new(
        [SignatureComponents.Method, SignatureComponents.TargetUri, SignatureComponents.ContentDigest],
        TimeSpan.FromSeconds(300));
}
