using System.Text;
using CaseGrains.Security.Totp;

namespace CaseGrains.Security.Tests.Totp;

public class TotpTests
{
    // RFC 6238 Appendix B. The seed is ASCII "12345678901234567890" repeated to the hash length: 20 bytes for
    // SHA-1, 32 for SHA-256, 64 for SHA-512 (the reference code's seeds; errata 2866 notes the prose says one seed).
    private static readonly byte[] Sha1Seed = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Seed = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    public void Rfc6238_appendix_B_vectors(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        Assert.Equal(sha1, TotpGenerator.Code(Sha1Seed, at, new TotpParameters(TotpAlgorithm.Sha1, Digits: 8)));
        Assert.Equal(sha256, TotpGenerator.Code(Sha256Seed, at, new TotpParameters(TotpAlgorithm.Sha256, Digits: 8)));
        Assert.Equal(sha512, TotpGenerator.Code(Sha512Seed, at, new TotpParameters(TotpAlgorithm.Sha512, Digits: 8)));
    }

    [Theory]
    [InlineData(59L, 1L)]
    [InlineData(1111111109L, 0x23523ECL)]
    [InlineData(1111111111L, 0x23523EDL)]
    [InlineData(1234567890L, 0x273EF07L)]
    [InlineData(2000000000L, 0x3F940AAL)]
    [InlineData(20000000000L, 0x27BC86AAL)]
    public void Time_steps_match_the_rfc_table(long unixSeconds, long expected)
    {
        Assert.Equal(expected, TotpGenerator.TimeStep(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));
    }

    [Fact]
    public void Time_steps_floor_before_the_epoch()
    {
        Assert.Equal(-1, TotpGenerator.TimeStep(DateTimeOffset.FromUnixTimeSeconds(-1)));
        Assert.Equal(-1, TotpGenerator.TimeStep(DateTimeOffset.FromUnixTimeSeconds(-30)));
        Assert.Equal(-2, TotpGenerator.TimeStep(DateTimeOffset.FromUnixTimeSeconds(-31)));
        Assert.Equal(0, TotpGenerator.TimeStep(DateTimeOffset.FromUnixTimeSeconds(29)));
    }

    [Fact]
    public void Six_digit_codes_are_the_last_six_of_the_eight()
    {
        // The truncated 31-bit value mod 10^6 is the same as mod 10^8 cut to its last six digits.
        var at = DateTimeOffset.FromUnixTimeSeconds(1111111109);
        Assert.Equal("081804", TotpGenerator.Code(Sha1Seed, at));
    }

    [Fact]
    public void Rfc4226_appendix_D_hotp_values_come_out_of_the_same_path()
    {
        // RFC 4226 Appendix D: secret "12345678901234567890", counters 0..9, 6 digits.
        string[] expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
        for (var counter = 0; counter < expected.Length; counter++)
        {
            Assert.Equal(expected[counter], TotpGenerator.Code(Sha1Seed, counter));
        }
    }

    [Fact]
    public void New_secrets_are_as_long_as_the_hash()
    {
        Assert.Equal(20, TotpGenerator.NewSecret().Length);
        Assert.Equal(32, TotpGenerator.NewSecret(TotpAlgorithm.Sha256).Length);
        Assert.Equal(64, TotpGenerator.NewSecret(TotpAlgorithm.Sha512).Length);
        Assert.NotEqual(TotpGenerator.NewSecret(), TotpGenerator.NewSecret());
    }

    [Fact]
    public void Unsupported_parameters_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TotpGenerator.Code(Sha1Seed, 1, new TotpParameters(Digits: 7)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TotpGenerator.Code(Sha1Seed, 1, new TotpParameters(StepSeconds: 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TotpVerifier(TimeProvider.System, new TotpParameters(Window: -1)));
        Assert.Throws<ArgumentException>(() => TotpGenerator.Code([], 1));
    }
}
