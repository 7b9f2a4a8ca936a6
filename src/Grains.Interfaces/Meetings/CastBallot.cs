using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>A creditor votes on a resolution; a later ballot of the same creditor replaces the earlier one until voting closes.</summary>
public sealed record CastBallot(string ResolutionId, string CreditorId, VoteChoice Choice);
