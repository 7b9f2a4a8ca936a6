using System.Text;
using CaseGrains.MachineApi.Signatures;

namespace CaseGrains.Security.Tests.Signatures;

public class ContentDigestTests
{
    // RFC 9530 section 2 and Appendix B: the content {"hello": "world"} and its digests.
    private static readonly byte[] Hello = Encoding.UTF8.GetBytes("{\"hello\": \"world\"}");
    private const string Sha256Example = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:";
    private const string Sha512Example = "sha-512=:YMAam51Jz/jOATT6/zvHrLVgOYTGFy1d6GJiOHTohq4yP+pgk4vf2aCsyRZOtw8MjkM7iw7yZ/WkppmM44T3qg==:";
    private const string Sha512OfHello = "sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:";

    [Fact]
    public void The_rfc_sha256_example_is_reproduced()
    {
        Assert.Equal(Sha256Example, ContentDigest.Compute(Hello));
        Assert.True(ContentDigest.Verify(Sha256Example, Hello, out _));
    }

    [Fact]
    public void The_sha512_digest_of_the_test_content_matches_rfc9421s_test_request()
    {
        // RFC 9421 Appendix B.2's test-request carries this Content-Digest for the same content.
        Assert.Equal(Sha512OfHello, ContentDigest.Compute(Hello, ContentDigest.Sha512));
        Assert.True(ContentDigest.Verify(Sha512OfHello, Hello, out _));
    }

    [Fact]
    public void The_rfc_sha512_example_is_the_content_with_a_trailing_newline()
    {
        // RFC 9530 section 2's sha-512 example is the digest of {"hello": "world"} followed by LF: one byte more
        // than the content here, which is enough to fail.
        Assert.True(ContentDigest.Verify(Sha512Example, [.. Hello, (byte)'\n'], out _));
        Assert.False(ContentDigest.Verify(Sha512Example, Hello, out var problem));
        Assert.Contains("does not match", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_digests_must_all_match()
    {
        Assert.True(ContentDigest.Verify($"{Sha256Example}, {Sha512OfHello}", Hello, out _));
        Assert.False(ContentDigest.Verify($"{Sha256Example}, {Sha512Example}", Hello, out _));
    }

    [Fact]
    public void Unknown_algorithms_are_ignored_but_cannot_stand_alone()
    {
        Assert.True(ContentDigest.Verify($"md5=:AAAA:, {Sha256Example}", Hello, out _));
        Assert.False(ContentDigest.Verify("md5=:AAAA:", Hello, out var problem));
        Assert.Contains("no sha-256 or sha-512", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha-256=X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=")]
    [InlineData("sha-256=\"X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=\"")]
    [InlineData("sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=")]
    public void Missing_and_malformed_digests_fail(string? field)
    {
        Assert.False(ContentDigest.Verify(field, Hello, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void A_changed_body_fails()
    {
        Assert.False(ContentDigest.Verify(Sha256Example, Encoding.UTF8.GetBytes("{\"hello\": \"World\"}"), out _));
    }

    [Fact]
    public void Empty_content_has_the_empty_string_digest()
    {
        Assert.Equal("sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:", ContentDigest.Compute([]));
    }
}
