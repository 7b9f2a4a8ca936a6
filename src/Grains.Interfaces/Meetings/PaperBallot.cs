using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// The administrator enters a written ballot for a creditor who cannot vote online (Interpretation III of the EBL,
/// art. 11), keeping the SHA-256 of the scanned paper so that the entry can be checked against it later.
/// </summary>
/// <param name="ScanSha256">Lowercase hex SHA-256 of the scan file, 64 characters.</param>
public sealed record PaperBallot(string ResolutionId, string CreditorId, VoteChoice Choice, string ScanSha256, string EnteredBy);
