using System.Text;
using CaseGrains.WebFront.Claims;

namespace CaseGrains.Claims.Tests.Claims;

public class ClaimListCsvTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(5L, "0.05")]
    [InlineData(50L, "0.50")]
    [InlineData(100L, "1.00")]
    [InlineData(123_456L, "1234.56")]
    [InlineData(1_000_000_000_000_000L, "10000000000000.00")]
    [InlineData(-5L, "-0.05")]
    [InlineData(long.MaxValue, "92233720368547758.07")]
    [InlineData(long.MinValue, "-92233720368547758.08")]
    public void Fen_are_written_as_yuan_with_two_decimals_by_integer_arithmetic(long fen, string yuan) =>
        Assert.Equal(yuan, ClaimListCsv.Yuan(fen));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("厂房, 一号楼", "\"厂房, 一号楼\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+86 138", "'+86 138")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-0.05", "-0.05")]
    [InlineData("-cmd", "'-cmd")]
    public void Fields_are_quoted_as_RFC_4180_says_and_formulas_are_defused(string value, string written) =>
        Assert.Equal(written, ClaimListCsv.Field(value));

    [Fact]
    public void The_file_starts_with_a_byte_order_mark_and_ends_each_line_with_CRLF()
    {
        var list = ClaimList.Build("case", "(2026)1号", "Debtor", DateTimeOffset.UnixEpoch, []);

        var bytes = ClaimListCsv.Write(list);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("序号,债权编号,债权人,", text, StringComparison.Ordinal);
        Assert.EndsWith(",,总计,,0笔,,,,0.00,,,,0.00,0.00,,,\r\n", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split("\r\n").Length); // a header, three class totals, the overall total and the empty end
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
