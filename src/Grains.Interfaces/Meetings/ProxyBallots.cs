using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>
/// A representative votes for many principals at once (one investor-protection body voted for 52,037 investor claims).
/// Either every ballot is recorded, in one commit, or none is.
/// </summary>
public sealed record ProxyBallots(string ResolutionId, string RepresentativeId, IReadOnlyList<ProxyBallot> Ballots);

/// <summary>One principal's ballot in a <see cref="ProxyBallots"/> batch.</summary>
public sealed record ProxyBallot(string CreditorId, VoteChoice Choice);
