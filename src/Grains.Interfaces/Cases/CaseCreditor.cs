namespace CaseGrains.Cases;

/// <summary>
/// A creditor of a case as its staff list them: invited or only named on a claim (a department, an employee, a
/// declaration the administrator entered), with the sums of its claims. <see cref="ConfirmedFen"/> counts what review
/// or a ruling confirmed so far.
/// </summary>
public sealed record CaseCreditor(string CreditorId, bool Invited, int Claims, long DeclaredFen, long ConfirmedFen)
{
    /// <summary>The creditor's own name and kind, masked identity number included, when it keeps a profile.</summary>
    public Creditors.CreditorView? Profile { get; init; }
}
