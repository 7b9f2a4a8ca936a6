using CaseGrains.Runtime;

namespace CaseGrains.Claims.Rules;

/// <summary>
/// One action on a claim. Only a court ruling carries amounts: its outcome status depends on how much of the
/// declared amount the court confirms.
/// </summary>
public sealed record ClaimAction
{
    private ClaimAction(ClaimActionKind kind, long? confirmedFen = null, long? declaredFen = null)
    {
        Kind = kind;
        ConfirmedFen = confirmedFen;
        DeclaredFen = declaredFen;
    }

    public ClaimActionKind Kind { get; }

    /// <summary>For <see cref="ClaimActionKind.RuleOnObjection"/>: the amount the court confirmed, in fen.</summary>
    public long? ConfirmedFen { get; }

    /// <summary>For <see cref="ClaimActionKind.RuleOnObjection"/>: the declared amount, in fen.</summary>
    public long? DeclaredFen { get; }

    public static ClaimAction StartReview { get; } = new(ClaimActionKind.StartReview);
    public static ClaimAction Confirm { get; } = new(ClaimActionKind.Confirm);
    public static ClaimAction PartiallyConfirm { get; } = new(ClaimActionKind.PartiallyConfirm);
    public static ClaimAction Reject { get; } = new(ClaimActionKind.Reject);
    public static ClaimAction Object { get; } = new(ClaimActionKind.Object);
    public static ClaimAction Withdraw { get; } = new(ClaimActionKind.Withdraw);

    /// <summary>The court's ruling on an objection.</summary>
    /// <exception cref="RuleViolationException">Invalid: a negative amount, or more confirmed than declared.</exception>
    public static ClaimAction RuleOnObjection(long confirmedFen, long declaredFen)
    {
        ClaimLifecycle.ResultFor(confirmedFen, declaredFen);
        return new(ClaimActionKind.RuleOnObjection, confirmedFen, declaredFen);
    }
}
