using CaseGrains.Runtime;

namespace CaseGrains.Claims.Rules;

/// <summary>
/// Which review actions a claim in a given status allows, and where they lead. A pure table: who acted, when and
/// why is recorded by the caller with every change.
/// </summary>
/// <remarks>
/// Reading of EBL 57-58:
/// <list type="bullet">
/// <item>57: the administrator reviews every declaration and draws up the claim list. So a claim is reviewed
/// before it has a result: confirming, partially confirming or rejecting needs <see cref="ClaimStatus.UnderReview"/>.</item>
/// <item>58: the list is checked at the first creditors' meeting; the debtor or a creditor who objects to an entry
/// may sue in the bankruptcy court. An objection is therefore to a review result (confirmed, partially
/// confirmed or rejected); there is nothing to object to before review. While it is before the court
/// (<see cref="ClaimStatus.Disputed"/>) only the court's ruling moves the claim, and the ruling's amount decides
/// whether it ends confirmed, partially confirmed or rejected.</item>
/// <item>A creditor may withdraw a declaration at any time before it is disputed; a withdrawn claim is final and
/// a new declaration starts over. A dispute is withdrawn in court, and the court's ruling is then recorded.</item>
/// <item>The table cannot tell a court-ruled result from an administrator's one; refusing a second objection to a
/// claim the court has already ruled on is up to the caller, which keeps the history.</item>
/// </list>
/// </remarks>
public static class ClaimLifecycle
{
    private static readonly Dictionary<(ClaimStatus, ClaimActionKind), ClaimStatus> Fixed = new()
    {
        [(ClaimStatus.Declared, ClaimActionKind.StartReview)] = ClaimStatus.UnderReview,
        [(ClaimStatus.Declared, ClaimActionKind.Withdraw)] = ClaimStatus.Withdrawn,

        [(ClaimStatus.UnderReview, ClaimActionKind.Confirm)] = ClaimStatus.Confirmed,
        [(ClaimStatus.UnderReview, ClaimActionKind.PartiallyConfirm)] = ClaimStatus.PartiallyConfirmed,
        [(ClaimStatus.UnderReview, ClaimActionKind.Reject)] = ClaimStatus.Rejected,
        [(ClaimStatus.UnderReview, ClaimActionKind.Withdraw)] = ClaimStatus.Withdrawn,

        [(ClaimStatus.Confirmed, ClaimActionKind.Object)] = ClaimStatus.Disputed,
        [(ClaimStatus.Confirmed, ClaimActionKind.Withdraw)] = ClaimStatus.Withdrawn,
        [(ClaimStatus.PartiallyConfirmed, ClaimActionKind.Object)] = ClaimStatus.Disputed,
        [(ClaimStatus.PartiallyConfirmed, ClaimActionKind.Withdraw)] = ClaimStatus.Withdrawn,
        [(ClaimStatus.Rejected, ClaimActionKind.Object)] = ClaimStatus.Disputed,
        [(ClaimStatus.Rejected, ClaimActionKind.Withdraw)] = ClaimStatus.Withdrawn,
    };

    /// <summary>The status after <paramref name="action"/>.</summary>
    /// <exception cref="RuleViolationException">Conflict on field "status" when the claim's status refuses the action.</exception>
    public static ClaimStatus Next(ClaimStatus current, ClaimAction action)
    {
        ArgumentNullException.ThrowIfNull(action);

        if (Fixed.TryGetValue((current, action.Kind), out var next))
        {
            return next;
        }

        if (current == ClaimStatus.Disputed && action.Kind == ClaimActionKind.RuleOnObjection)
        {
            return ResultFor(action.ConfirmedFen!.Value, action.DeclaredFen!.Value);
        }

        throw RuleViolationException.Conflict("status", Refusal(current, action.Kind));
    }

    /// <summary>Whether <paramref name="current"/> allows an action of this kind, for showing only the buttons that work.</summary>
    public static bool Allows(ClaimStatus current, ClaimActionKind kind) =>
        Fixed.ContainsKey((current, kind)) || (current == ClaimStatus.Disputed && kind == ClaimActionKind.RuleOnObjection);

    /// <summary>The action kinds <paramref name="current"/> allows, in declaration order.</summary>
    public static IReadOnlyList<ClaimActionKind> AllowedActions(ClaimStatus current) =>
        [.. Enum.GetValues<ClaimActionKind>().Where(kind => Allows(current, kind))];

    /// <summary>
    /// The review result for a confirmed amount: all of the declared amount is confirmed, some of it is partially
    /// confirmed, none of it is rejected.
    /// </summary>
    /// <exception cref="RuleViolationException">Invalid: a non-positive declared amount, a negative confirmed one, or more confirmed than declared.</exception>
    public static ClaimStatus ResultFor(long confirmedFen, long declaredFen)
    {
        if (declaredFen <= 0)
        {
            throw RuleViolationException.Invalid("declaredFen", "the declared amount must be more than zero");
        }

        if (confirmedFen < 0)
        {
            throw RuleViolationException.Invalid("confirmedFen", "the confirmed amount must not be negative");
        }

        if (confirmedFen > declaredFen)
        {
            throw RuleViolationException.Invalid(
                "confirmedFen",
                $"the confirmed amount ({confirmedFen} fen) is more than the declared amount ({declaredFen} fen); a claim is confirmed at most as declared");
        }

        return confirmedFen == declaredFen ? ClaimStatus.Confirmed
            : confirmedFen == 0 ? ClaimStatus.Rejected
            : ClaimStatus.PartiallyConfirmed;
    }

    private static string Refusal(ClaimStatus current, ClaimActionKind kind)
    {
        var what = $"cannot {Verb(kind)} {Describe(current)}";
        var why = (current, kind) switch
        {
            (ClaimStatus.Withdrawn, _) => null,
            (ClaimStatus.UnderReview, ClaimActionKind.StartReview) => "it is already under review",
            (ClaimStatus.Declared, ClaimActionKind.Confirm or ClaimActionKind.PartiallyConfirm or ClaimActionKind.Reject) =>
                "the administrator reviews a claim before deciding it (EBL 57); start the review first",
            (ClaimStatus.Declared or ClaimStatus.UnderReview, ClaimActionKind.Object) =>
                "an objection is to the administrator's review result (EBL 58), and this claim has none yet",
            (ClaimStatus.Disputed, ClaimActionKind.Object) => "an objection to it is already before the court",
            (ClaimStatus.Disputed, ClaimActionKind.Withdraw) =>
                "the objection is before the court; the dispute is withdrawn in court and the ruling recorded here",
            (ClaimStatus.Disputed, _) => "the objection is before the court, and only the court's ruling decides it",
            (_, ClaimActionKind.RuleOnObjection) => "there is no objection before the court",
            (ClaimStatus.Confirmed or ClaimStatus.PartiallyConfirmed or ClaimStatus.Rejected, _) =>
                "its review is finished; whoever disagrees objects and the court decides (EBL 58)",
            _ => null,
        };

        return why is null ? what : $"{what}: {why}";
    }

    private static string Verb(ClaimActionKind kind) => kind switch
    {
        ClaimActionKind.StartReview => "start reviewing",
        ClaimActionKind.Confirm => "confirm",
        ClaimActionKind.PartiallyConfirm => "partially confirm",
        ClaimActionKind.Reject => "reject",
        ClaimActionKind.Object => "object to",
        ClaimActionKind.RuleOnObjection => "rule on an objection to",
        ClaimActionKind.Withdraw => "withdraw",
        _ => kind.ToString(),
    };

    private static string Describe(ClaimStatus status) => status switch
    {
        ClaimStatus.Declared => "a declared claim",
        ClaimStatus.UnderReview => "a claim under review",
        ClaimStatus.Confirmed => "a confirmed claim",
        ClaimStatus.PartiallyConfirmed => "a partially confirmed claim",
        ClaimStatus.Rejected => "a rejected claim",
        ClaimStatus.Disputed => "a disputed claim",
        ClaimStatus.Withdrawn => "a withdrawn claim",
        _ => $"a claim in status {status}",
    };
}
