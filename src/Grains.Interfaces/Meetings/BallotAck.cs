using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// The answer to a ballot, given only after it committed. <see cref="Commitment"/> is what the public ledger holds at
/// <see cref="LedgerPosition"/>: SHA-256 over the ballot and <see cref="Salt"/>, which only the voter gets, so the voter
/// can prove the ballot is in the ledger while nobody else can read the choice from it.
/// </summary>
public sealed record BallotAck(
    string MeetingId,
    string ResolutionId,
    string CreditorId,
    VoteChoice Choice,
    long BallotNumber,
    long LedgerPosition,
    DateTimeOffset At,
    string Commitment,
    string Salt);
