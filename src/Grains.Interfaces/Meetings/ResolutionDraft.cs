using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>An item on a meeting's agenda that creditors vote on.</summary>
public sealed record ResolutionDraft(string ResolutionId, string Title, ResolutionKind Kind);
