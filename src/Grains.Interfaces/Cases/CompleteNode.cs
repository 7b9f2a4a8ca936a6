namespace CaseGrains.Cases;

/// <summary>The administrator records that a step is done, saying what was done.</summary>
public sealed record CompleteNode(CaseNode Node, string AdministratorId, string? Note);
