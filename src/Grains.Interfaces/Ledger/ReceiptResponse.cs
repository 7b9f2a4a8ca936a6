namespace CaseGrains.Ledger;

/// <summary>A c2sp.org/tlog-proof receipt for one entry; <see cref="Receipt"/> is the receipt text (also servable as text/plain).</summary>
public sealed record ReceiptResponse(string CaseId, long Index, long TreeSize, string Receipt);
