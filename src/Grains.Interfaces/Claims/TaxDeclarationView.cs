namespace CaseGrains.Claims;

/// <summary>
/// What became of a tax declaration: the priority claim (tax owed, EBL 113 item 2), the linked ordinary claim (late
/// fees and special-adjustment interest before acceptance), and fines, which are subordinated and on neither.
/// </summary>
public sealed record TaxDeclarationView(
    ClaimView? PriorityClaim,
    ClaimView? OrdinaryClaim,
    long PriorityFen,
    long OrdinaryFen,
    long SubordinatedFen,
    IReadOnlyList<TaxLineOutcome> Lines);
