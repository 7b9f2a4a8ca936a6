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

        var refused = ReadFields(request, out var fields);
        if (refused is not null)
        {
            return refused;
        }

        var secret = secretForKeyId(fields.KeyId);
        if (secret is null || secret.Length == 0)
        {
            return fields.Verdict(SignatureCheck.UnknownKey, $"no key is known as \"{fields.KeyId}\"");
        }

        refused = BuildBase(request, fields, out var signatureBase);
        if (refused is not null)
        {
            return refused;
        }

        if (request.TryGetField(ContentDigest.HeaderName, out var digest)
            && !ContentDigest.Verify(digest, request.Content.Span, out var problem))
        {
            return fields.Verdict(SignatureCheck.BadDigest, problem);
        }

        if (!HmacSha256Signature.Matches(signatureBase, secret, fields.Signature))
        {
            return fields.Verdict(SignatureCheck.BadSignature, "the signature does not match the request");
        }

        return CheckTime(fields) ?? fields.Verdict(SignatureCheck.Ok, "ok");
    }

    /// <summary>
    /// Everything <see cref="Verify"/> checks that needs neither the content nor the key's secret: the signature
    /// fields, the components and parameters, every covered field, and the created and expires times. A server runs
    /// it before it reads the body, so that an unsigned or wrongly signed request costs it no upload.
    /// </summary>
    /// <returns>
    /// The first failed check; or <see cref="SignatureCheck.Ok"/> with the key id, nonce and created time, which means
    /// only that the request may be read and verified, never that it is verified.
    /// </returns>
    public SignatureVerification CheckFields(SignableRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReadFields(request, out var fields)
            ?? BuildBase(request, fields, out _)
            ?? CheckTime(fields)
            ?? fields.Verdict(SignatureCheck.Ok, "the signature fields are acceptable; the signature is not verified yet");
    }

    /// <summary>Parses the signature fields and checks components and parameters; null when they pass.</summary>
    private SignatureVerification? ReadFields(SignableRequest request, out Fields fields)
    {
        fields = null!;
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

        fields = new Fields(label, parameters, parameters.KeyId, signature, created.Value);
        return null;
    }

    private static SignatureVerification? BuildBase(SignableRequest request, Fields fields, out string signatureBase)
    {
        signatureBase = string.Empty;
        try
        {
            signatureBase = SignatureBase.Build(request, fields.Parameters);
            return null;
        }
        catch (SignatureException e)
        {
            return fields.Verdict(e.Check, e.Message);
        }
        catch (FormatException e)
        {
            return fields.Verdict(SignatureCheck.MalformedHeader, e.Message);
        }
    }

    private SignatureVerification? CheckTime(Fields fields)
    {
        var now = _time.GetUtcNow();
        if ((now - fields.Created).Duration() > _options.MaxClockSkew)
        {
            return fields.Verdict(SignatureCheck.CreatedOutsideWindow, $"created {fields.Created:O} is more than {_options.MaxClockSkew.TotalSeconds:0} s from now ({now:O})");
        }

        if (fields.Parameters.Expires is { } expires && now.ToUnixTimeSeconds() > expires)
        {
            return fields.Verdict(SignatureCheck.Expired, "the signature has expired");
        }

        return null;
    }

    /// <summary>The signature fields for the label, once they are well formed.</summary>
    private sealed record Fields(string Label, SignatureParameters Parameters, string KeyId, byte[] Signature, DateTimeOffset Created)
    {
        public SignatureVerification Verdict(SignatureCheck check, string detail) => new(check, detail, Label, KeyId, Parameters.Nonce, Created);
    }
}
