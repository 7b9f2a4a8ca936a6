namespace CaseGrains.Cases;

/// <summary>Where a step's due date comes from.</summary>
public enum DueDateBasis
{
    /// <summary>No due date yet: the law sets none and the judge has not set one.</summary>
    None,
    /// <summary>Counted as the law says from a date already known (the acceptance, an earlier step's completion).</summary>
    Statute,
    /// <summary>Set by the court: the judge, or the declaration period fixed when the case was accepted.</summary>
    Judge,
}
