using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>A resolution inside the meeting grain: its draft, where voting stands, the committed tally and the result.</summary>
internal sealed class ResolutionState(ResolutionDraft draft)
{
    public ResolutionDraft Draft { get; } = draft;
    public ResolutionStatus Status { get; set; } = ResolutionStatus.Pending;
    public VotingRoll? Roll { get; set; }
    public Tally? Tally { get; set; }
    public ResolutionOutcome? Outcome { get; set; }

    public ResolutionView View(bool showTally) =>
        new(Draft.ResolutionId, Draft.Title, Draft.Kind, Status, showTally ? Tally?.View() : null, Outcome);
}
