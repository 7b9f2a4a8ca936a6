namespace CaseGrains.Ledger;

/// <summary>
/// One entry as the API lists it. <see cref="Entry"/> (base64 of the canonical bytes) is what is hashed and is the
/// only authoritative member; the rest is read from it for display.
/// </summary>
/// <param name="LeafHash">Base64 of the RFC 9162 leaf hash of the canonical bytes.</param>
public sealed record LedgerEntryItem(long Position, DateTimeOffset Time, string Actor, string Kind, string Entry, string LeafHash);
