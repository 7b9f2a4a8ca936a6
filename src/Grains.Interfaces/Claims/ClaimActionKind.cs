namespace CaseGrains.Claims;

/// <summary>The things that can happen to a declared claim in review (EBL 57-58).</summary>
public enum ClaimActionKind
{
    /// <summary>The administrator starts reviewing the declaration.</summary>
    StartReview,
    /// <summary>The administrator confirms the whole declared amount.</summary>
    Confirm,
    /// <summary>The administrator confirms part of the declared amount.</summary>
    PartiallyConfirm,
    /// <summary>The administrator confirms nothing.</summary>
    Reject,
    /// <summary>A creditor or the debtor objects to the review result and takes it to court (EBL 58).</summary>
    Object,
    /// <summary>The court rules on the objection and fixes the confirmed amount.</summary>
    RuleOnObjection,
    /// <summary>The creditor withdraws the declaration.</summary>
    Withdraw,
}
