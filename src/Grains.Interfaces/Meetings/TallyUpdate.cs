using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>The live "tally" message: the committed tally of one resolution.</summary>
public sealed record TallyUpdate(string MeetingId, string ResolutionId, TallyView Tally);
