using System.Text;
using CaseGrains.Security.Totp;

namespace CaseGrains.Security.Tests.Totp;

public class OtpAuthUriTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    [Fact]
    public void The_uri_carries_label_secret_and_parameters()
    {
        var uri = OtpAuthUri.Build("CaseGrains", "admin@example.com", Secret);
        Assert.Equal(
            "otpauth://totp/CaseGrains:admin%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=CaseGrains&algorithm=SHA1&digits=6&period=30",
            uri);
    }

    [Fact]
    public void Spaces_and_non_ascii_are_percent_encoded()
    {
        var uri = OtpAuthUri.Build("Case Grains", "张三", Secret, new TotpParameters(TotpAlgorithm.Sha256, Digits: 8));
        Assert.StartsWith("otpauth://totp/Case%20Grains:%E5%BC%A0%E4%B8%89?", uri, StringComparison.Ordinal);
        Assert.EndsWith("&issuer=Case%20Grains&algorithm=SHA256&digits=8&period=30", uri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Case:Grains", "a")]
    [InlineData("CaseGrains", "a:b")]
    [InlineData("", "a")]
    [InlineData("CaseGrains", " ")]
    public void Labels_that_would_be_ambiguous_are_refused(string issuer, string account)
    {
        Assert.Throws<ArgumentException>(() => OtpAuthUri.Build(issuer, account, Secret));
    }
}
