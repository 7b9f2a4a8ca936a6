using System.Text;
using CaseGrains.Claims;

namespace CaseGrains.WebFront.Claims;

/// <summary>
/// The claim list as CSV for spreadsheets (RFC 4180: comma-separated, CRLF line ends, fields quoted when they must
/// be). UTF-8 with a byte order mark, which Excel needs to read Chinese text correctly. Amounts are in yuan with two
/// decimals, written from integer fen without floating point.
/// </summary>
public static class ClaimListCsv
{
    public const string MediaType = "text/csv; charset=utf-8";

    private static readonly string[] Header =
    [
        "序号", "债权编号", "债权人", "债权性质", "申报方式", "申报本金(元)", "申报利息(元)", "其他(元)", "申报总额(元)",
        "有财产担保(元)", "担保物", "审查状态", "确认金额(元)", "待定金额(元)", "逾期申报", "可参与分配轮次", "审查意见",
    ];

    public static byte[] Write(ClaimListView list)
    {
        var text = new StringBuilder();
        Line(text, Header);
        foreach (var r in list.Rows)
        {
            Line(text,
            [
                r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), r.ClaimId, r.CreditorId, ClassName(r.Class), OriginName(r.Origin),
                Yuan(r.PrincipalFen), Yuan(r.InterestFen), Yuan(r.OtherFen), Yuan(r.DeclaredFen), Yuan(r.SecuredFen), r.Collateral ?? "",
                StatusName(r.Status), Yuan(r.ConfirmedFen), Yuan(r.UndeterminedFen), r.Late ? "是" : "否",
                r.JoinsDistributionRound.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Reason ?? "",
            ]);
        }
        foreach (var total in list.Totals.Append(list.Overall))
        {
            Line(text,
            [
                "", "", total.Class is { } c ? $"{ClassName(c)}合计" : "总计", total.Class is { } k ? ClassName(k) : "",
                $"{total.Claims}笔", "", "", "", Yuan(total.DeclaredFen), "", "", "", Yuan(total.ConfirmedFen), Yuan(total.UndeterminedFen), "", "", "",
            ]);
        }

        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        var bytes = new byte[preamble.Length + body.Length];
        preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, preamble.Length);
        return bytes;
    }

    /// <summary>Fen as yuan with exactly two decimals: 123456 becomes 1234.56, -5 becomes -0.05.</summary>
    public static string Yuan(long fen)
    {
        // The magnitude as unsigned, so that even long.MinValue has one.
        var magnitude = fen < 0 ? (ulong)(-(fen + 1)) + 1 : (ulong)fen;
        var yuan = magnitude / 100;
        var cents = magnitude % 100;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(fen < 0 ? "-" : "")}{yuan}.{cents:D2}");
    }

    /// <summary>
    /// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes doubled. A field that
    /// a spreadsheet would take for a formula (=, +, -, @, tab or CR first) gets a leading apostrophe, so that text a
    /// creditor typed is shown and never run.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsNumber(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    public static string ClassName(ClaimClass c) => c switch
    {
        ClaimClass.Employee => "职工债权",
        ClaimClass.SocialInsuranceAndTax => "社保及税款债权",
        ClaimClass.Ordinary => "普通债权",
        _ => c.ToString(),
    };

    public static string StatusName(ClaimStatus s) => s switch
    {
        ClaimStatus.Declared => "已申报",
        ClaimStatus.UnderReview => "审查中",
        ClaimStatus.Confirmed => "确认",
        ClaimStatus.PartiallyConfirmed => "部分确认",
        ClaimStatus.Rejected => "不予确认",
        ClaimStatus.Disputed => "异议诉讼中",
        ClaimStatus.Withdrawn => "已撤回",
        _ => s.ToString(),
    };

    public static string OriginName(ClaimOrigin o) => o switch
    {
        ClaimOrigin.Creditor => "债权人申报",
        ClaimOrigin.Proxy => "代理人申报",
        ClaimOrigin.Department => "数源单位申报",
        ClaimOrigin.Administrator => "管理人列示",
        _ => o.ToString(),
    };

    private static bool IsNumber(string value) =>
        value.Length > 1 && value[0] == '-' && value.AsSpan(1).IndexOfAnyExcept("0123456789.") < 0;

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) text.Append(',');
            text.Append(Field(fields[i]));
        }
        text.Append("\r\n");
    }
}
