using CaseGrains.Meetings.Voting;

namespace CaseGrains.Load.Voting;

/// <summary>
/// The members of the server's acknowledgement (<c>BallotAck</c>) that the checks use. The generator reads only these,
/// so that it spends on each acknowledgement about what it spends on a no-op call's answer, which the run compares with.
/// </summary>
public sealed record BallotReceipt(long BallotNumber, long LedgerPosition, VoteChoice Choice);
