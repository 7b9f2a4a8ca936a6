using CaseGrains.Meetings.Voting;

namespace CaseGrains.Cases;

/// <summary>A meeting tells its case that voting on a resolution closed, so that the steps it settles complete.</summary>
/// <param name="Adopted">Whether the resolution passed as it stands after this close.</param>
/// <param name="AgendaClosed">Whether every resolution on the meeting's agenda has now been voted on.</param>
public sealed record MeetingVoteClosed(string MeetingId, string ResolutionId, ResolutionKind Kind, bool Adopted, bool AgendaClosed, string Actor);
