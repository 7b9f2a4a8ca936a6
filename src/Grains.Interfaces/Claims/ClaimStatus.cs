namespace CaseGrains.Claims;

/// <summary>Where a claim stands in review (EBL 57-58).</summary>
public enum ClaimStatus
{
    Declared,
    UnderReview,
    Confirmed,
    PartiallyConfirmed,
    Rejected,
    /// <summary>An objection is before the court; the court's ruling decides the amount.</summary>
    Disputed,
    Withdrawn,
}
