using System.Text;
using CaseGrains.Security.Totp;

namespace CaseGrains.Security.Tests.Totp;

public class Base32Tests
{
    // RFC 4648 section 10 test vectors.
    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY======")]
    [InlineData("fo", "MZXQ====")]
    [InlineData("foo", "MZXW6===")]
    [InlineData("foob", "MZXW6YQ=")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI======")]
    public void Rfc4648_vectors_round_trip(string text, string encoded)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.Equal(encoded, Base32.Encode(bytes));
        Assert.Equal(bytes, Base32.Decode(encoded));
        Assert.Equal(bytes, Base32.Decode(encoded.TrimEnd('=')));
        Assert.Equal(encoded.TrimEnd('='), Base32.Encode(bytes, pad: false));
    }

    [Fact]
    public void The_rfc6238_sha1_seed_encodes_as_authenticators_expect()
    {
        var seed = Encoding.ASCII.GetBytes("12345678901234567890");
        Assert.Equal("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Base32.Encode(seed));
    }

    [Fact]
    public void Decoding_forgives_case_spaces_and_hyphens()
    {
        Assert.Equal(Encoding.ASCII.GetBytes("foobar"), Base32.Decode("mzxw 6ytb-oi"));
    }

    [Theory]
    [InlineData("MZXW6YTB1")] // '1' is not in the alphabet
    [InlineData("M")] // one symbol cannot hold a byte
    [InlineData("MZX")] // three symbols leave a partial byte
    [InlineData("MZ=XW6===")] // padding in the middle
    [InlineData("MZXW6==")] // padding that does not fill the group
    [InlineData("MZ")] // 'Z' leaves non-zero bits after the byte ("MY" is canonical)
    public void Malformed_text_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => Base32.Decode(text));
    }

    [Fact]
    public void Random_bytes_round_trip()
    {
        var random = new Random(4648);
        for (var length = 0; length < 70; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(bytes, Base32.Decode(Base32.Encode(bytes)));
            Assert.Equal(bytes, Base32.Decode(Base32.Encode(bytes, pad: false)));
        }
    }
}
