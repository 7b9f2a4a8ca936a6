using CaseGrains.Meetings.Voting;

namespace CaseGrains.Load.Voting;

/// <summary>
/// What the checks need of one acknowledgement, kept as a value: a run holds hundreds of thousands of them, and
/// keeping each whole acknowledgement (strings and all) alive made the generator's own garbage collections pause the
/// in-process server it measures.
/// </summary>
public readonly record struct AcknowledgedBallot(string CreditorId, long BallotNumber, long LedgerPosition, VoteChoice Choice, long Timestamp);
