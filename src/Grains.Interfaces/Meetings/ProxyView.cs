namespace CaseGrains.Meetings;

/// <summary>A recorded power of attorney, without the list of principals (which may be tens of thousands long).</summary>
/// <param name="PrincipalsSha256">SHA-256 over the sorted principal ids, one per line: what the ledger holds.</param>
public sealed record ProxyView(
    string RepresentativeId,
    int Principals,
    string PrincipalsSha256,
    IReadOnlyList<string>? ResolutionIds,
    string DocumentSha256,
    string RecordedBy,
    DateTimeOffset RecordedAt);
