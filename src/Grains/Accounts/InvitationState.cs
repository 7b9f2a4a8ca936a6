namespace CaseGrains.Accounts;

public sealed class InvitationState
{
    public Invitation? Invitation { get; set; }
    public string? RedeemedBy { get; set; }
}
