using System.Text.Json.Serialization;
using CaseGrains.Claims;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>What happened in a case, in order; the case grain's state is rebuilt from these.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "fact")]
[JsonDerivedType(typeof(CaseOpened), "case.opened")]
[JsonDerivedType(typeof(ClaimDeclared), "claim.declared")]
[JsonDerivedType(typeof(ClaimReviewed), "claim.reviewed")]
[JsonDerivedType(typeof(MeetingAdded), "meeting.added")]
[JsonDerivedType(typeof(CreditorInvited), "creditor.invited")]
public abstract record CaseFact(string CaseId, string Actor, DateTimeOffset At) : ILedgerFact
{
    [JsonIgnore] public abstract string LedgerKind { get; }
    [JsonIgnore] public abstract object LedgerData { get; }
}

public sealed record CaseOpened(string CaseId, string Actor, DateTimeOffset At, OpenCase Case) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "case.opened";
    public override object LedgerData => new { Case.CaseNumber, Case.Court, Case.DebtorName, Case.DebtorCreditCode, Case.Procedure, Case.JudgeId, Case.AdministratorId, Case.AcceptedOn };
}

public sealed record ClaimDeclared(string CaseId, string Actor, DateTimeOffset At, string ClaimId, DeclareClaim Claim) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.declared";
    public override object LedgerData => new { ClaimId, Claim.CreditorId, Claim.Class, Claim.PrincipalFen, Claim.InterestFen, Claim.OtherFen, Claim.SecuredFen, Claim.DeclaredBy };
}

public sealed record ClaimReviewed(string CaseId, string Actor, DateTimeOffset At, ReviewClaim Review) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.reviewed";
    public override object LedgerData => new { Review.ClaimId, Review.Decision, Review.ConfirmedFen, Review.Reason };
}

public sealed record MeetingAdded(string CaseId, string Actor, DateTimeOffset At, string MeetingId) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "meeting.scheduled";
    public override object LedgerData => new { MeetingId };
}

public sealed record CreditorInvited(string CaseId, string Actor, DateTimeOffset At, string CreditorId) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "creditor.invited";
    public override object LedgerData => new { CreditorId };
}
