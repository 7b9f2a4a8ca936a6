namespace CaseGrains.Cases;

/// <summary>Where a case stands on its path, as of the court's local day <paramref name="Today"/>.</summary>
/// <param name="Current">The stage: the first step not completed; null when every step is.</param>
/// <param name="Overdue">The steps not completed whose due date is before today, in path order.</param>
public sealed record CaseProgressView(
    string CaseId,
    Procedure Procedure,
    DateOnly Today,
    CaseNode? Current,
    IReadOnlyList<CaseNode> Overdue,
    IReadOnlyList<ProgressNodeView> Nodes);
