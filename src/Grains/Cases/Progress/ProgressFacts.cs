namespace CaseGrains.Cases.Progress;

/// <summary>A step of the case was completed: by the administrator with a note, or by a fact such as a vote's close.</summary>
public sealed record ProgressNodeCompleted(string CaseId, string Actor, DateTimeOffset At, CaseNode Node, string? Note, bool Automatic)
    : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "progress.completed";
    public override object LedgerData => new { Node, Note, Automatic };
}

/// <summary>The judge set a step's due date (for the declaration period: its last day).</summary>
public sealed record NodeDueDateSet(string CaseId, string Actor, DateTimeOffset At, CaseNode Node, DateOnly DueOn, string? Reason)
    : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "progress.dueDateSet";
    public override object LedgerData => new { Node, DueOn, Reason };
}
