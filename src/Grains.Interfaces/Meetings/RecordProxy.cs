namespace CaseGrains.Meetings;

/// <summary>
/// The administrator records a power of attorney produced at the meeting: the representative may vote for the
/// principals, on the listed resolutions or, when <see cref="ResolutionIds"/> is null, on every resolution of the meeting.
/// </summary>
/// <param name="DocumentSha256">Lowercase hex SHA-256 of the power of attorney document as filed.</param>
public sealed record RecordProxy(
    string RepresentativeId,
    IReadOnlyList<string> PrincipalIds,
    IReadOnlyList<string>? ResolutionIds,
    string DocumentSha256,
    string RecordedBy);
