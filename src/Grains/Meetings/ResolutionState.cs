using CaseGrains.Meetings.Voting;

namespace CaseGrains.Meetings;

/// <summary>A resolution inside the meeting grain: its draft, its roll once voting opened, its rounds and the decision so far.</summary>
internal sealed class ResolutionState(ResolutionDraft draft)
{
    private readonly List<VotingRound> rounds = [];

    public ResolutionDraft Draft { get; } = draft;
    public string Id => Draft.ResolutionId;
    public ResolutionStatus Status { get; set; } = ResolutionStatus.Pending;
    public VotingRoll? Roll { get; private set; }

    /// <summary>The resolution whose opening fact stores the voters of <see cref="Roll"/>: this one, or an earlier one with the same roll.</summary>
    public string? RollSource { get; set; }

    /// <summary>The last ballot number handed out per voter (by roll index), ballots still committing included; numbers run on across rounds.</summary>
    public long[] AssignedNumbers { get; private set; } = [];

    public IReadOnlyList<VotingRound> Rounds => rounds;
    public VotingRound? Current => rounds.Count == 0 ? null : rounds[^1];
    public ResolutionOutcome? Outcome { get; set; }

    /// <summary>Why the agenda's opening time passed without voting opening, if it did.</summary>
    public string? ScheduledOpenSkipped { get; set; }

    public DateTimeOffset? ClosesAt => Status == ResolutionStatus.Open ? Current!.ClosesAt : null;

    public void Open(VotingRoll roll, VotingRound first)
    {
        Roll = roll;
        AssignedNumbers = new long[roll.Count];
        rounds.Add(first);
        Status = ResolutionStatus.Open;
    }

    public void OpenRound(VotingRound round)
    {
        rounds.Add(round);
        Status = ResolutionStatus.Open;
    }

    public ResolutionView View(bool showTally) =>
        new(Id, Draft.Title, Draft.Kind, Status, showTally ? Current?.Tally.View() : null, Outcome,
            Status == ResolutionStatus.Pending ? Draft.OpensAt : null, ClosesAt ?? (Status == ResolutionStatus.Pending ? Draft.ClosesAt : null),
            Current?.Number ?? 0, Current?.RevoteOf, [.. rounds.Where(r => r.IsClosed).Select(r => r.Outcome!)]);
}
