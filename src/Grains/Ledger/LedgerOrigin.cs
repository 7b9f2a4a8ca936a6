namespace CaseGrains.Ledger;

/// <summary>
/// Each case has its own log, named by a checkpoint origin "&lt;prefix&gt;/case/&lt;caseId&gt;", e.g.
/// "casegrains.example/case/2026-BK-0042". Verifiers read the case id back from the signed origin.
/// </summary>
public static class LedgerOrigin
{
    public const string CaseSegment = "/case/";

    public static string For(string prefix, string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        if (caseId.Contains('\n', StringComparison.Ordinal))
            throw new ArgumentException("a case id is one line", nameof(caseId));
        return prefix.TrimEnd('/') + CaseSegment + caseId;
    }

    public static bool TryGetCaseId(string? origin, out string caseId)
    {
        caseId = "";
        if (origin is null)
            return false;
        var at = origin.LastIndexOf(CaseSegment, StringComparison.Ordinal);
        if (at <= 0 || at + CaseSegment.Length == origin.Length)
            return false;
        caseId = origin[(at + CaseSegment.Length)..];
        return true;
    }
}
