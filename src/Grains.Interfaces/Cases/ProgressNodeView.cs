namespace CaseGrains.Cases;

/// <summary>One step of a case and where it stands.</summary>
/// <param name="Step">Its place on the case's path, from 1.</param>
/// <param name="DueOn">The last day for it (court's local day), or null while nobody has set one.</param>
/// <param name="Article">The article that sets or bounds the due date, e.g. "EBL 14".</param>
/// <param name="StatutoryDueOn">The due date the law gives, also when the judge set another.</param>
/// <param name="CompletedBy">Who completed it: the administrator, or for a step that completed by itself the person whose act did it (the judge who accepted the case, who closed the vote), or "schedule".</param>
/// <param name="Automatic">Completed by a fact rather than by the administrator marking it.</param>
/// <param name="Overdue">Not completed and its due date is before the court's today.</param>
public sealed record ProgressNodeView(
    CaseNode Node,
    int Step,
    DateOnly? DueOn,
    DueDateBasis DueBasis,
    string? Article,
    DateOnly? StatutoryDueOn,
    bool Completed,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    string? Note,
    bool Automatic,
    bool Overdue)
{
    /// <summary>The judge's reason for the due date, when the judge set it.</summary>
    public string? DueReason { get; init; }

    /// <summary>
    /// The court day the step was done: the day of <see cref="CompletedAt"/>, except for the acceptance and the
    /// appointment (the acceptance date, whenever the case was entered) and the declaration period (its last day).
    /// </summary>
    public DateOnly? CompletedOn { get; init; }
}
