namespace CaseGrains.WebFront.Security;

/// <summary>The part a principal plays in one case.</summary>
[Flags]
public enum CaseRoles
{
    None = 0,
    /// <summary>A judge of the court that accepted the case.</summary>
    Judge = 1,
    /// <summary>The administrator appointed to the case.</summary>
    Administrator = 2,
    /// <summary>A creditor invited into the case or with a claim in it.</summary>
    Creditor = 4,
    Staff = Judge | Administrator,
    Participant = Judge | Administrator | Creditor,
}
