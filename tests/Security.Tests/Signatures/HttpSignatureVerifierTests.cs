using System.Text;
using CaseGrains.MachineApi.Signatures;

namespace CaseGrains.Security.Tests.Signatures;

public class HttpSignatureVerifierTests
{
    private const string KeyId = "tax-bureau-2025";
    private const string Nonce = "b3k2pp5k7z-50gnwp.yemd";
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("a department's shared secret, 32+");
    private static readonly Uri Target = new("https://api.casegrains.example/cases/2024-001/claims?source=tax");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"amountFen\":123456}");
    private const long Now = 1_750_000_000;

    private static byte[]? Keys(string keyId) => keyId == KeyId ? Secret : null;

    private static SignedRequestHeaders SignAt(long created, string method = "POST", Uri? uri = null, byte[]? body = null, string? idempotencyKey = "idem-1") =>
        RequestSigner.Sign(method, uri ?? Target, body ?? Body, idempotencyKey, KeyId, Secret, DateTimeOffset.FromUnixTimeSeconds(created), Nonce);

    private static SignableRequest Received(SignedRequestHeaders signed, string method = "POST", Uri? uri = null, byte[]? body = null) =>
        new(method, uri ?? Target, [new("Content-Type", "application/json"), .. signed.ToHeaders()], body ?? Body);

    private static SignatureVerification Verify(SignableRequest request, long now = Now, SignatureVerifierOptions? options = null) =>
        new HttpSignatureVerifier(ManualTimeProvider.AtUnixSeconds(now), options).Verify(request, Keys);

    [Fact]
    public void A_signed_request_verifies_and_exposes_key_nonce_and_created()
    {
        var signed = SignAt(Now);
        var result = Verify(Received(signed));

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(SignatureCheck.Ok, result.Check);
        Assert.Equal(KeyId, result.KeyId);
        Assert.Equal(Nonce, result.Nonce);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Now), result.Created);
        Assert.Equal(RequestSigner.DefaultLabel, result.Label);
    }

    [Fact]
    public void The_fields_are_checked_without_the_content_or_the_secret_and_passing_them_verifies_nothing()
    {
        var verifier = new HttpSignatureVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var signedWithAnotherSecret = RequestSigner.Sign("POST", Target, Body, "idem-1", KeyId, new byte[32], DateTimeOffset.FromUnixTimeSeconds(Now), Nonce);

        var fields = verifier.CheckFields(Received(SignAt(Now), body: []));
        var wrongSecret = verifier.CheckFields(Received(signedWithAnotherSecret, body: []));

        Assert.Equal((SignatureCheck.Ok, KeyId, Nonce), (fields.Check, fields.KeyId, fields.Nonce));
        Assert.Equal(SignatureCheck.Ok, wrongSecret.Check);
        Assert.Equal(SignatureCheck.BadSignature, verifier.Verify(Received(signedWithAnotherSecret), Keys).Check);
        Assert.Equal(SignatureCheck.CreatedOutsideWindow, verifier.CheckFields(Received(SignAt(Now - 301), body: [])).Check);
        Assert.Equal(SignatureCheck.MissingHeader, verifier.CheckFields(new SignableRequest("POST", Target, [], ReadOnlyMemory<byte>.Empty)).Check);
        var uncovered = SignAt(Now);
        var withoutDigest = new SignableRequest("POST", Target, uncovered.ToHeaders().Where(h => h.Key != ContentDigest.HeaderName).ToList(), ReadOnlyMemory<byte>.Empty);
        Assert.Equal(SignatureCheck.MissingHeader, verifier.CheckFields(withoutDigest).Check);
    }

    [Fact]
    public void The_signer_covers_method_target_digest_and_idempotency_key_with_all_four_parameters()
    {
        var signed = SignAt(Now);
        Assert.Equal(
            $"sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"idempotency-key\");created={Now};nonce=\"{Nonce}\";keyid=\"{KeyId}\";alg=\"hmac-sha256\"",
            signed.SignatureInput);
        Assert.Equal(ContentDigest.Compute(Body), signed.ContentDigest);
        Assert.StartsWith("\"@method\": POST\n\"@target-uri\": https://api.casegrains.example/cases/2024-001/claims?source=tax\n", signed.SignatureBase, StringComparison.Ordinal);
        Assert.Equal(["Content-Digest", "Idempotency-Key", "Signature-Input", "Signature"], signed.ToHeaders().Select(h => h.Key));
    }

    [Fact]
    public void Without_an_idempotency_key_the_signature_does_not_cover_one()
    {
        var signed = SignAt(Now, method: "GET", body: [], idempotencyKey: null);
        Assert.DoesNotContain("idempotency-key", signed.SignatureInput, StringComparison.Ordinal);
        Assert.True(Verify(Received(signed, method: "GET", body: [])).IsValid);
    }

    [Fact]
    public void A_changed_body_is_a_bad_digest()
    {
        var result = Verify(Received(SignAt(Now), body: Encoding.UTF8.GetBytes("{\"amountFen\":999999}")));
        Assert.Equal(SignatureCheck.BadDigest, result.Check);
        Assert.Equal(KeyId, result.KeyId);
    }

    [Fact]
    public void A_changed_body_with_a_recomputed_digest_is_a_bad_signature()
    {
        var forged = Encoding.UTF8.GetBytes("{\"amountFen\":999999}");
        var signed = SignAt(Now) with { ContentDigest = ContentDigest.Compute(forged) };
        Assert.Equal(SignatureCheck.BadSignature, Verify(Received(signed, body: forged)).Check);
    }

    [Fact]
    public void A_changed_method_is_a_bad_signature()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(Received(SignAt(Now), method: "PUT")).Check);
    }

    [Theory]
    [InlineData("https://api.casegrains.example/cases/2024-002/claims?source=tax")]
    [InlineData("https://api.casegrains.example/cases/2024-001/claims?source=court")]
    [InlineData("https://evil.example/cases/2024-001/claims?source=tax")]
    [InlineData("http://api.casegrains.example/cases/2024-001/claims?source=tax")]
    public void A_changed_uri_is_a_bad_signature(string uri)
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(Received(SignAt(Now), uri: new Uri(uri))).Check);
    }

    [Fact]
    public void A_changed_idempotency_key_is_a_bad_signature()
    {
        var signed = SignAt(Now) with { IdempotencyKey = "idem-2" };
        Assert.Equal(SignatureCheck.BadSignature, Verify(Received(signed)).Check);
    }

    [Fact]
    public void A_changed_created_parameter_is_a_bad_signature()
    {
        var signed = SignAt(Now - 1000);
        var moved = signed with { SignatureInput = signed.SignatureInput.Replace($"created={Now - 1000}", $"created={Now}", StringComparison.Ordinal) };
        Assert.Equal(SignatureCheck.BadSignature, Verify(Received(moved)).Check);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void A_skewed_created_is_outside_the_window(int skewSeconds)
    {
        var result = Verify(Received(SignAt(Now + skewSeconds)));
        Assert.Equal(SignatureCheck.CreatedOutsideWindow, result.Check);
        Assert.Equal(Nonce, result.Nonce);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Exactly_300_seconds_either_way_is_inside_the_window(int skewSeconds)
    {
        Assert.True(Verify(Received(SignAt(Now + skewSeconds))).IsValid);
    }

    [Fact]
    public void Missing_signature_fields_are_missing_headers()
    {
        var signed = SignAt(Now);
        var noSignature = new SignableRequest("POST", Target, [.. signed.ToHeaders().Where(h => h.Key != "Signature")], Body);
        var noInput = new SignableRequest("POST", Target, [.. signed.ToHeaders().Where(h => h.Key != "Signature-Input")], Body);
        var noIdempotencyKey = new SignableRequest("POST", Target, [.. signed.ToHeaders().Where(h => h.Key != "Idempotency-Key")], Body);

        Assert.Equal(SignatureCheck.MissingHeader, Verify(noSignature).Check);
        Assert.Equal(SignatureCheck.MissingHeader, Verify(noInput).Check);
        Assert.Equal(SignatureCheck.MissingHeader, Verify(noIdempotencyKey).Check);
    }

    [Fact]
    public void A_label_in_one_field_but_not_the_other_is_a_missing_header()
    {
        var signed = SignAt(Now);
        var other = signed with { Signature = signed.Signature.Replace("sig1=", "sig2=", StringComparison.Ordinal) };
        Assert.Equal(SignatureCheck.MissingHeader, Verify(Received(other)).Check);
    }

    [Fact]
    public void A_missing_content_digest_that_is_covered_is_a_missing_header()
    {
        var signed = SignAt(Now);
        var request = new SignableRequest("POST", Target, [.. signed.ToHeaders().Where(h => h.Key != "Content-Digest")], Body);
        Assert.Equal(SignatureCheck.MissingHeader, Verify(request).Check);
    }

    [Theory]
    [InlineData("sig1=:not base64:")]
    [InlineData("sig1=\"a string\"")]
    [InlineData("sig1=")]
    public void A_malformed_signature_field_is_a_malformed_header(string signature)
    {
        var signed = SignAt(Now) with { Signature = signature };
        Assert.Equal(SignatureCheck.MalformedHeader, Verify(Received(signed)).Check);
    }

    [Fact]
    public void An_unsupported_component_is_unknown()
    {
        var result = VerifyCustom(["@method", "@target-uri", "content-digest", "@request-target"]);
        Assert.Equal(SignatureCheck.UnknownComponent, result.Check);
    }

    [Fact]
    public void A_component_with_parameters_is_unknown()
    {
        var signed = SignAt(Now);
        var withSf = signed with { SignatureInput = signed.SignatureInput.Replace("\"content-digest\"", "\"content-digest\";sf", StringComparison.Ordinal) };
        Assert.Equal(SignatureCheck.UnknownComponent, Verify(Received(withSf)).Check);
    }

    [Fact]
    public void A_signature_not_covering_a_required_component_is_refused()
    {
        var result = VerifyCustom(["@method", "@target-uri"]);
        Assert.Equal(SignatureCheck.ComponentNotCovered, result.Check);
        Assert.Contains("content-digest", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_can_require_the_idempotency_key()
    {
        var options = SignatureVerifierOptions.Default with
        {
            RequiredComponents = [.. SignatureVerifierOptions.Default.RequiredComponents, SignatureComponents.IdempotencyKey],
        };
        Assert.True(Verify(Received(SignAt(Now)), options: options).IsValid);

        var withoutKey = SignAt(Now, idempotencyKey: null);
        Assert.Equal(SignatureCheck.ComponentNotCovered, Verify(Received(withoutKey), options: options).Check);
    }

    [Fact]
    public void Missing_parameters_are_refused()
    {
        Assert.Equal(SignatureCheck.MissingParameter, VerifyCustom(Required, created: null).Check);
        Assert.Equal(SignatureCheck.MissingParameter, VerifyCustom(Required, keyId: null).Check);
        Assert.Equal(SignatureCheck.MissingParameter, VerifyCustom(Required, nonce: null).Check);
    }

    [Fact]
    public void Another_algorithm_is_unsupported()
    {
        Assert.Equal(SignatureCheck.UnsupportedAlgorithm, VerifyCustom(Required, alg: "rsa-pss-sha512").Check);
    }

    [Fact]
    public void An_unknown_key_is_refused_and_named()
    {
        var result = VerifyCustom(Required, keyId: "revoked-or-never-issued");
        Assert.Equal(SignatureCheck.UnknownKey, result.Check);
        Assert.Equal("revoked-or-never-issued", result.KeyId);
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_bad()
    {
        var signed = RequestSigner.Sign("POST", Target, Body, "idem-1", KeyId, Encoding.ASCII.GetBytes("some other secret entirely"), DateTimeOffset.FromUnixTimeSeconds(Now), Nonce);
        Assert.Equal(SignatureCheck.BadSignature, Verify(Received(signed)).Check);
    }

    [Fact]
    public void An_expired_signature_is_refused()
    {
        var parameters = SignatureParameters.Create(Required, created: Now - 100, nonce: Nonce, keyId: KeyId, algorithm: "hmac-sha256", expires: Now - 10);
        Assert.Equal(SignatureCheck.Expired, VerifyWith(parameters).Check);
    }

    [Fact]
    public void The_configured_label_is_the_one_verified()
    {
        var signed = SignAt(Now);
        var good = MessageSignature.Create(Received(signed), SignatureParameters.Create(Required, Now, Nonce, KeyId, "hmac-sha256"), "dept", Secret);
        var request = new SignableRequest("POST", Target,
            [
                new("Content-Digest", signed.ContentDigest),
                new("Signature-Input", $"other=(\"@method\");created={Now};keyid=\"x\", {good.SignatureInput}"),
                new("Signature", $"other=:AAAA:, {good.Signature}"),
            ],
            Body);

        Assert.Equal(SignatureCheck.ComponentNotCovered, Verify(request).Check);
        var result = Verify(request, options: SignatureVerifierOptions.Default with { Label = "dept" });
        Assert.True(result.IsValid, result.Detail);
        Assert.Equal("dept", result.Label);
    }

    [Fact]
    public void Escapes_in_the_uri_are_signed_as_httpclient_sends_them()
    {
        // HttpClient sends Uri.PathAndQuery, which writes %2D as '-': the signer must cover that form, and the
        // server, building the URI from the raw request target, sees the same.
        var written = new Uri("https://api.casegrains.example/cases/a%2Db?q=%41");
        var signed = SignAt(Now, uri: written);
        var onTheWire = new Uri("https://api.casegrains.example" + written.PathAndQuery);

        Assert.Equal("/cases/a-b?q=A", written.PathAndQuery);
        Assert.True(Verify(Received(signed, uri: onTheWire)).IsValid);
        Assert.Equal(SignatureCheck.BadSignature, Verify(Received(signed, uri: new Uri("https://api.casegrains.example/cases/a%2Db?q=%41"))).Check);
    }

    [Fact]
    public void A_negative_clock_skew_is_a_configuration_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HttpSignatureVerifier(
            TimeProvider.System,
            SignatureVerifierOptions.Default with { MaxClockSkew = TimeSpan.FromSeconds(-1) }));
    }

    private static readonly string[] Required = ["@method", "@target-uri", "content-digest"];

    private static SignatureVerification VerifyCustom(
        IEnumerable<string> components,
        long? created = Now,
        string? nonce = Nonce,
        string? keyId = KeyId,
        string? alg = "hmac-sha256") =>
        VerifyWith(SignatureParameters.Create(components, created, nonce, keyId, alg));

    private static SignatureVerification VerifyWith(SignatureParameters parameters)
    {
        var unsigned = new SignableRequest("POST", Target, [new("Content-Digest", ContentDigest.Compute(Body))], Body);
        string signatureInput, signature;
        try
        {
            var made = MessageSignature.Create(unsigned, parameters, "sig1", Secret);
            (signatureInput, signature) = (made.SignatureInput, made.Signature);
        }
        catch (SignatureException)
        {
            // A component the signer cannot cover still has to reach the verifier as a client might send it.
            signatureInput = SignatureFields.FormatSignatureInput("sig1", parameters);
            signature = "sig1=:AAAA:";
        }

        return Verify(unsigned.WithHeader("Signature-Input", signatureInput).WithHeader("Signature", signature));
    }
}
