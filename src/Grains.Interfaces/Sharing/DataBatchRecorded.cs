namespace CaseGrains.Sharing;

/// <summary>The answer to a department's batch: its report and the position of its entry in the case ledger.</summary>
public sealed record DataBatchRecorded(DataBatchReport Report, long LedgerPosition);
