namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// Verifies an RFC 9421 hmac-sha256 request signature. Checks, in order: the signature fields are present and
/// well formed; the components are supported and include the required ones; keyid, created (and nonce) are
/// present and alg, if given, is hmac-sha256; the key is known; every covered field is present; Content-Digest,
/// when sent, matches the content; the HMAC matches; created is within the skew window and expires has not passed.
/// </summary>
/// <remarks>Nonce replay and key revocation are for the caller, which has the state.</remarks>
public sealed class HttpSignatureVerifier
{
    private static readonly long EarliestUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long LatestUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    private readonly TimeProvider _time;
    private readonly SignatureVerifierOptions _options;

    public HttpSignatureVerifier(TimeProvider time, SignatureVerifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _options = options ?? SignatureVerifierOptions.Default;
        ArgumentNullException.ThrowIfNull(_options.RequiredComponents, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxClockSkew, TimeSpan.Zero, nameof(options));
    }

    /// <param name="secretForKeyId">The shared secret for a key id, or null if there is none.</param>
    public SignatureVerification Verify(SignableRequest request, Func<string, byte[]?> secretForKeyId)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secretForKeyId);

        if (!request.TryGetField(SignatureFields.SignatureInputHeader, out var inputField))
        {
            return new(SignatureCheck.MissingHeader, "Signature-Input is missing");
        }

        if (!request.TryGetField(SignatureFields.SignatureHeader, out var signatureField))
        {
            return new(SignatureCheck.MissingHeader, "Signature is missing");
        }

        IReadOnlyList<KeyValuePair<string, SignatureParameters>> inputs;
        IReadOnlyList<KeyValuePair<string, byte[]>> signatures;
        try
        {
            inputs = SignatureFields.ParseSignatureInput(inputField);
            signatures = SignatureFields.ParseSignature(signatureField);
        }
        catch (FormatException e)
        {
            return new(SignatureCheck.MalformedHeader, e.Message);
        }
        catch (SignatureException e)
        {
            return new(e.Check, e.Message);
        }

        var label = _options.Label ?? (inputs.Count > 0 ? inputs[0].Key : null);
        if (label is null)
        {
            return new(SignatureCheck.MissingHeader, "Signature-Input has no signature");
        }

        var parameters = inputs.FirstOrDefault(i => i.Key == label).Value;
        if (parameters is null)
        {
            return new(SignatureCheck.MissingHeader, $"Signature-Input has no signature labelled {label}", label);
        }

        DateTimeOffset? created = parameters.Created is { } seconds && seconds >= EarliestUnixSeconds && seconds <= LatestUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
        SignatureVerification Fail(SignatureCheck check, string detail) =>
            new(check, detail, label, parameters.KeyId, parameters.Nonce, created);

        var signature = signatures.FirstOrDefault(s => s.Key == label).Value;
        if (signature is null)
        {
            return Fail(SignatureCheck.MissingHeader, $"Signature has no signature labelled {label}");
        }

        var unknown = parameters.Components.FirstOrDefault(c => !SignatureComponents.IsSupported(c));
        if (unknown is not null)
        {
            return Fail(SignatureCheck.UnknownComponent, $"component \"{unknown}\" is not supported");
        }

        var uncovered = _options.RequiredComponents.FirstOrDefault(c => !parameters.Components.Contains(c));
        if (uncovered is not null)
        {
            return Fail(SignatureCheck.ComponentNotCovered, $"the signature must cover \"{uncovered}\"");
        }

        if (parameters.KeyId is null)
        {
            return Fail(SignatureCheck.MissingParameter, "the keyid parameter is missing");
        }

        if (created is null)
        {
            return Fail(SignatureCheck.MissingParameter, "the created parameter is missing or out of range");
        }

        if (_options.RequireNonce && string.IsNullOrEmpty(parameters.Nonce))
        {
            return Fail(SignatureCheck.MissingParameter, "the nonce parameter is missing");
        }

        if (parameters.Algorithm is { } alg && alg != HmacSha256Signature.AlgorithmName)
        {
            return Fail(SignatureCheck.UnsupportedAlgorithm, $"alg \"{alg}\" is not {HmacSha256Signature.AlgorithmName}");
        }

        var secret = secretForKeyId(parameters.KeyId);
        if (secret is null || secret.Length == 0)
        {
            return Fail(SignatureCheck.UnknownKey, $"no key is known as \"{parameters.KeyId}\"");
        }

        string signatureBase;
        try
        {
            signatureBase = SignatureBase.Build(request, parameters);
        }
        catch (SignatureException e)
        {
            return Fail(e.Check, e.Message);
        }
        catch (FormatException e)
        {
            return Fail(SignatureCheck.MalformedHeader, e.Message);
        }

        if (request.TryGetField(ContentDigest.HeaderName, out var digest)
            && !ContentDigest.Verify(digest, request.Content.Span, out var problem))
        {
            return Fail(SignatureCheck.BadDigest, problem);
        }

        if (!HmacSha256Signature.Matches(signatureBase, secret, signature))
        {
            return Fail(SignatureCheck.BadSignature, "the signature does not match the request");
        }

        var now = _time.GetUtcNow();
        if ((now - created.Value).Duration() > _options.MaxClockSkew)
        {
            return Fail(SignatureCheck.CreatedOutsideWindow, $"created {created.Value:O} is more than {_options.MaxClockSkew.TotalSeconds:0} s from now ({now:O})");
        }

        if (parameters.Expires is { } expires && now.ToUnixTimeSeconds() > expires)
        {
            return Fail(SignatureCheck.Expired, "the signature has expired");
        }

        return new(SignatureCheck.Ok, "ok", label, parameters.KeyId, parameters.Nonce, created);
    }
}
