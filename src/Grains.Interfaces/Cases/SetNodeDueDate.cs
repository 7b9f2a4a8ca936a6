namespace CaseGrains.Cases;

/// <summary>The judge sets or changes a step's due date (for the declaration period: the period's last day).</summary>
public sealed record SetNodeDueDate(CaseNode Node, string JudgeId, DateOnly DueOn, string? Reason);
