namespace CaseGrains.Sharing;

/// <summary>
/// What became of a batch: how many records came and were kept, each rejected record with the field and the reason,
/// and the differences from the department's previous snapshot. The batch's ledger entry (kind data.received) names its batch id.
/// </summary>
/// <param name="RecordsSha256">SHA-256 (hex) over the kept records in canonical JSON, as the ledger entry carries it.</param>
public sealed record DataBatchReport(
    string BatchId,
    string Resource,
    string Department,
    string? Reference,
    DateTimeOffset ReceivedAt,
    int Received,
    int Accepted,
    IReadOnlyList<RecordProblem> Rejected,
    DataDifferences Differences,
    string RecordsSha256)
{
    public string CaseId { get; init; } = "";
}
