namespace CaseGrains.WebFront.Dashboard;

/// <summary>The kinds of <see cref="WaitingItem"/>; the pages have a text for each.</summary>
public static class WaitingItemKinds
{
    /// <summary>A creditor objected to a claim's review result; the court rules on it (EBL 58).</summary>
    public const string ClaimObjection = "claimObjection";

    /// <summary>An undetermined claim has no vote at a coming meeting unless the court sets a provisional amount (EBL 59(2)).</summary>
    public const string ProvisionalAmount = "provisionalAmount";

    /// <summary>A transfer from the case account exceeds a limit set when the account opened; it waits for the judge's approval.</summary>
    public const string TransferApproval = "transferApproval";
}
