namespace CaseGrains.Ledger;

/// <summary>A ledger row as stored: its position, its canonical bytes and the leaf hash recorded when it was written.</summary>
public sealed record StoredLedgerEntry(long Position, string Kind, DateTimeOffset RecordedAt, byte[] Entry, byte[] LeafHash);
