using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// The answer to a ballot, given only after it committed. <see cref="Commitment"/> is what the public ledger holds at
/// <see cref="LedgerPosition"/>: SHA-256 over the ballot and <see cref="Salt"/>, which only the voter gets, so the voter
/// can prove the ballot is in the ledger while nobody else can read the choice from it.
/// </summary>
/// <param name="CreditorId">Whose vote it is (the principal, for a ballot cast by proxy).</param>
/// <param name="Round">The voting round of the resolution: 0, or the number of a class's further vote (EBL 87(1)).</param>
/// <param name="CastBy">Who cast it: the creditor, its representative, or the administrator who entered a paper ballot.</param>
public sealed record BallotAck(
    string MeetingId,
    string ResolutionId,
    string CreditorId,
    VoteChoice Choice,
    long BallotNumber,
    long LedgerPosition,
    DateTimeOffset At,
    string Commitment,
    string Salt,
    int Round,
    BallotChannel Channel,
    string CastBy);
