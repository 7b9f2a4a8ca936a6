namespace CaseGrains.MachineApi.Signatures;

/// <summary>The header fields a department client adds to a signed request.</summary>
/// <param name="IdempotencyKey">The Idempotency-Key value when the request has one; it is covered by the signature.</param>
/// <param name="SignatureBase">The exact text that was signed, for diagnostics; not sent.</param>
public sealed record SignedRequestHeaders(string ContentDigest, string? IdempotencyKey, string SignatureInput, string Signature, string SignatureBase)
{
    /// <summary>The fields as name/value pairs, in the order a client adds them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToHeaders()
    {
        var headers = new List<KeyValuePair<string, string>> { new(Signatures.ContentDigest.HeaderName, ContentDigest) };
        if (IdempotencyKey is not null)
        {
            headers.Add(new("Idempotency-Key", IdempotencyKey));
        }

        headers.Add(new(SignatureFields.SignatureInputHeader, SignatureInput));
        headers.Add(new(SignatureFields.SignatureHeader, Signature));
        return headers;
    }
}
