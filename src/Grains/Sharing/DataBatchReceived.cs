using System.Text.Json.Serialization;
using CaseGrains.Runtime;

namespace CaseGrains.Sharing;

/// <summary>
/// A department's batch, as kept: its report and the department's resulting snapshot of the resource. The ledger
/// entry carries the counts and the SHA-256 of the kept records, never the records: they may hold personal data.
/// </summary>
public sealed record DataBatchReceived(string CaseId, string Actor, DateTimeOffset At, DataBatchReport Report,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Snapshot) : ILedgerFact
{
    [JsonIgnore] public string LedgerKind => "data.received";

    [JsonIgnore] public object LedgerData => new
    {
        Report.BatchId, Report.Department, Report.Resource, Report.Reference, Report.Received, Report.Accepted, Rejected = Report.Rejected.Count,
        Added = Report.Differences.Added.Count, Changed = Report.Differences.Changed.Count, Removed = Report.Differences.Removed.Count, Report.RecordsSha256,
    };
}
