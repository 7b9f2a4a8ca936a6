namespace CaseGrains.Claims;

/// <summary>The administrator's review result (EBL 57).</summary>
public enum ClaimDecision
{
    Confirm,
    PartiallyConfirm,
    Reject,
}
