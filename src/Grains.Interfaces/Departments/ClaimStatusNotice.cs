using CaseGrains.Claims;

namespace CaseGrains.Departments;

/// <summary>
/// What a source department is told when a claim it declared changes: by a signed callback to its registered URL
/// and in its pull feed.
/// </summary>
/// <param name="Event">reviewed, objected, ruled or withdrawn.</param>
public sealed record ClaimStatusNotice(
    string Department,
    string Event,
    string CaseId,
    string ClaimId,
    string? LinkedClaimId,
    ClaimClass Class,
    ClaimStatus Status,
    long DeclaredFen,
    long? ConfirmedFen,
    string? Reason,
    string DecidedBy,
    DateTimeOffset At);
