using System.Text;
using CaseGrains.MachineApi.Signatures;

namespace CaseGrains.Security.Tests.Signatures;

public class Rfc9421ExampleTests
{
    // RFC 9421 Appendix B.1.5: test-shared-secret, 64 bytes in base64.
    private static readonly byte[] TestSharedSecret = Convert.FromBase64String(
        "uzvJfB4u3N0Jy4T7NZ75MDVcr8zSTInedJtkgcu46YW4XByzNJjxBdtjUkdJPBtbmHhIDi6pcl8jsasjlTMtDQ==");

    private const long Created = 1618884473;

    // RFC 9421 Appendix B.2: the test-request message.
    private static SignableRequest TestRequest() => new(
        "POST",
        new Uri("https://example.com/foo?param=Value&Pet=dog"),
        [
            new("Host", "example.com"),
            new("Date", "Tue, 20 Apr 2021 02:07:55 GMT"),
            new("Content-Type", "application/json"),
            new("Content-Digest", "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:"),
            new("Content-Length", "18"),
        ],
        Encoding.UTF8.GetBytes("{\"hello\": \"world\"}"));

    private static SignatureParameters B25Parameters() =>
        SignatureParameters.Create(["date", "@authority", "content-type"], created: Created, keyId: "test-shared-secret");

    [Fact]
    public void B25_signature_base_is_byte_for_byte_the_rfcs()
    {
        const string expected =
            "\"date\": Tue, 20 Apr 2021 02:07:55 GMT\n" +
            "\"@authority\": example.com\n" +
            "\"content-type\": application/json\n" +
            "\"@signature-params\": (\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"";

        Assert.Equal(expected, SignatureBase.Build(TestRequest(), B25Parameters()));
    }

    [Fact]
    public void B25_hmac_sha256_signature_and_fields_are_the_rfcs()
    {
        var signature = MessageSignature.Create(TestRequest(), B25Parameters(), "sig-b25", TestSharedSecret);

        Assert.Equal("sig-b25=(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"", signature.SignatureInput);
        Assert.Equal("sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:", signature.Signature);
    }

    [Fact]
    public void B25_as_received_verifies_with_the_rfcs_own_fields()
    {
        var request = TestRequest()
            .WithHeader("Signature-Input", "sig-b25=(\"date\" \"@authority\" \"content-type\");created=1618884473;keyid=\"test-shared-secret\"")
            .WithHeader("Signature", "sig-b25=:pxcQw6G3AjtMBQjwo8XzkZf/bws5LelbaMk5rGIGtE8=:");

        // The RFC's example covers neither method nor target URI and carries no nonce: relax the policy for it.
        var verifier = new HttpSignatureVerifier(
            ManualTimeProvider.AtUnixSeconds(Created),
            new SignatureVerifierOptions([], TimeSpan.FromSeconds(300), RequireNonce: false));
        var result = verifier.Verify(request, keyId => keyId == "test-shared-secret" ? TestSharedSecret : null);

        Assert.Equal(SignatureCheck.Ok, result.Check);
        Assert.Equal("sig-b25", result.Label);
        Assert.Equal("test-shared-secret", result.KeyId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Created), result.Created);
    }

    [Fact]
    public void Derived_components_follow_section_2_2()
    {
        // RFC 9421 sections 2.2.1-2.2.7, for POST /path?param=value&foo=bar&baz=bat%2Dman on https://www.example.com.
        var request = new SignableRequest("POST", new Uri("https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman"), [], default);
        var parameters = SignatureParameters.Create(["@method", "@target-uri", "@authority", "@scheme", "@path", "@query"]);

        var lines = SignatureBase.Build(request, parameters).Split('\n');

        Assert.Equal(
            [
                "\"@method\": POST",
                "\"@target-uri\": https://www.example.com/path?param=value&foo=bar&baz=bat%2Dman",
                "\"@authority\": www.example.com",
                "\"@scheme\": https",
                "\"@path\": /path",
                "\"@query\": ?param=value&foo=bar&baz=bat%2Dman",
                "\"@signature-params\": (\"@method\" \"@target-uri\" \"@authority\" \"@scheme\" \"@path\" \"@query\")",
            ],
            lines);
    }

    [Theory]
    [InlineData("https://www.example.com/path?queryString", "?queryString")]
    [InlineData("https://www.example.com/path", "?")]
    [InlineData("https://www.example.com/path?", "?")]
    public void Query_follows_section_2_2_7(string uri, string expected)
    {
        var request = new SignableRequest("GET", new Uri(uri), [], default);
        var line = SignatureBase.Build(request, SignatureParameters.Create(["@query"])).Split('\n')[0];
        Assert.Equal($"\"@query\": {expected}", line);
    }

    [Theory]
    [InlineData("https://Example.COM:443/a", "example.com", "https://example.com/a")]
    [InlineData("http://example.com:80", "example.com", "http://example.com/")]
    [InlineData("https://example.com:8443/a?b#frag", "example.com:8443", "https://example.com:8443/a?b")]
    public void Authority_and_target_uri_are_normalized_and_lose_the_fragment(string uri, string authority, string target)
    {
        var request = new SignableRequest("GET", new Uri(uri), [], default);
        var lines = SignatureBase.Build(request, SignatureParameters.Create(["@authority", "@target-uri"])).Split('\n');
        Assert.Equal($"\"@authority\": {authority}", lines[0]);
        Assert.Equal($"\"@target-uri\": {target}", lines[1]);
    }

    [Fact]
    public void Repeated_fields_are_combined_and_trimmed_per_section_2_1()
    {
        // Section 2.1: Cache-Control sent on two lines, with surrounding white space.
        var request = new SignableRequest("GET", new Uri("https://example.com/"), [new("Cache-Control", "max-age=60"), new("cache-control", "   must-revalidate ")], default);
        var line = SignatureBase.Build(request, SignatureParameters.Create(["cache-control"])).Split('\n')[0];
        Assert.Equal("\"cache-control\": max-age=60, must-revalidate", line);
    }

    [Fact]
    public void Components_that_cannot_be_covered_are_refused()
    {
        var request = TestRequest();
        Assert.Equal(SignatureCheck.UnknownComponent, Assert.Throws<SignatureException>(() => SignatureBase.Build(request, SignatureParameters.Create(["@status"]))).Check);
        Assert.Equal(SignatureCheck.UnknownComponent, Assert.Throws<SignatureException>(() => SignatureBase.Build(request, SignatureParameters.Create(["Date"]))).Check);
        Assert.Equal(SignatureCheck.MissingHeader, Assert.Throws<SignatureException>(() => SignatureBase.Build(request, SignatureParameters.Create(["idempotency-key"]))).Check);
        Assert.Equal(SignatureCheck.MalformedHeader, Assert.Throws<SignatureException>(() => SignatureBase.Build(request, SignatureParameters.Create(["date", "date"]))).Check);
    }

    [Fact]
    public void A_target_uri_not_in_wire_form_is_refused_rather_than_signed_wrongly()
    {
        var request = new SignableRequest("GET", new Uri("https://example.com/a b/ü"), [], default);
        var refusal = Assert.Throws<SignatureException>(() => SignatureBase.Build(request, SignatureParameters.Create(["@path"])));
        Assert.Equal(SignatureCheck.MalformedHeader, refusal.Check);
    }
}
