namespace CaseGrains.MachineApi.Signatures;

/// <summary>A signature made over a request, ready to go into the Signature-Input and Signature fields.</summary>
/// <param name="SignatureInput">This signature's member of the Signature-Input field.</param>
/// <param name="Signature">This signature's member of the Signature field.</param>
/// <param name="SignatureBase">The exact text that was signed, for diagnostics; not sent.</param>
public sealed record MessageSignature(string Label, string SignatureInput, string Signature, string SignatureBase)
{
    /// <summary>Signs <paramref name="request"/> with hmac-sha256 over the components and parameters given.</summary>
    /// <exception cref="SignatureException">A component cannot be covered (see <see cref="Signatures.SignatureBase.Build"/>).</exception>
    public static MessageSignature Create(SignableRequest request, SignatureParameters parameters, string label, ReadOnlySpan<byte> secret)
    {
        var signatureBase = Signatures.SignatureBase.Build(request, parameters);
        var signature = HmacSha256Signature.Compute(signatureBase, secret);
        return new MessageSignature(
            label,
            SignatureFields.FormatSignatureInput(label, parameters),
            SignatureFields.FormatSignature(label, signature),
            signatureBase);
    }
}
