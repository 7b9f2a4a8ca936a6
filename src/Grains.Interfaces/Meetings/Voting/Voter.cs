namespace CaseGrains.Meetings.Voting;

/// <summary>A member of the creditors' meeting with every claim it holds; it votes once by head with all of them.</summary>
/// <param name="IsShareholder">Also votes in the shareholder class of a reorganization plan (EBL 85(2)).</param>
/// <param name="EquityFen">
/// The shareholder's capital contribution in fen: its weight in the shareholder class. Required when
/// <paramref name="IsShareholder"/> is set, zero otherwise.
/// </param>
public sealed record Voter(string CreditorId, IReadOnlyList<VoterClaim> Claims, bool IsShareholder = false, long EquityFen = 0);
