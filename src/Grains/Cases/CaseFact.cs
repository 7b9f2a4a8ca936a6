using System.Text.Json.Serialization;
using CaseGrains.Cases.Progress;
using CaseGrains.Claims;
using CaseGrains.Departments;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>
/// What happened in a case, in order; the case grain's state is rebuilt from these. Each fact names who did it,
/// when, and (for a claim) why, and goes into the case ledger. A fact about a claim a source department declared
/// also leaves that department a notice, in the same transaction.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "fact")]
[JsonDerivedType(typeof(CaseOpened), "case.opened")]
[JsonDerivedType(typeof(ClaimDeclared), "claim.declared")]
[JsonDerivedType(typeof(TaxClaimDeclared), "claim.taxDeclared")]
[JsonDerivedType(typeof(EmployeeClaimListed), "claim.employeeListed")]
[JsonDerivedType(typeof(ClaimReviewStarted), "claim.reviewStarted")]
[JsonDerivedType(typeof(ClaimReviewed), "claim.reviewed")]
[JsonDerivedType(typeof(ClaimObjected), "claim.objected")]
[JsonDerivedType(typeof(ClaimRuled), "claim.ruled")]
[JsonDerivedType(typeof(ClaimWithdrawn), "claim.withdrawn")]
[JsonDerivedType(typeof(ClaimEvidenceAttached), "claim.evidenceAttached")]
[JsonDerivedType(typeof(DistributionRecorded), "distribution.recorded")]
[JsonDerivedType(typeof(MeetingAdded), "meeting.added")]
[JsonDerivedType(typeof(AccountAdded), "account.added")]
[JsonDerivedType(typeof(CreditorInvited), "creditor.invited")]
[JsonDerivedType(typeof(ProgressNodeCompleted), "progress.completed")]
[JsonDerivedType(typeof(NodeDueDateSet), "progress.dueDateSet")]
public abstract record CaseFact(string CaseId, string Actor, DateTimeOffset At) : ILedgerFact, IOutboxFact
{
    [JsonIgnore] public abstract string LedgerKind { get; }
    [JsonIgnore] public abstract object LedgerData { get; }
    [JsonIgnore] public virtual OutboxMessage? Outbox => null;

    /// <summary>The notice as an outbox message for the department it names.</summary>
    protected OutboxMessage? Notify(ClaimStatusNotice? notice) =>
        notice is null ? null : new OutboxMessage(notice.Department, "claim.status", CaseId, notice);
}

public sealed record CaseOpened(string CaseId, string Actor, DateTimeOffset At, OpenCase Case) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "case.opened";
    public override object LedgerData => new { Case.CaseNumber, Case.Court, Case.DebtorName, Case.DebtorCreditCode, Case.Procedure, Case.JudgeId, Case.AdministratorId, Case.AcceptedOn, Case.DeclarationDeadline };
}

/// <param name="Late">Declared after the declaration period (EBL 56), as judged when it was declared.</param>
/// <param name="JoinsRound">The first distribution round the claim may share in.</param>
public sealed record ClaimDeclared(string CaseId, string Actor, DateTimeOffset At, string ClaimId, DeclareClaim Claim, bool Late = false, int JoinsRound = 1)
    : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.declared";
    public override object LedgerData => new
    {
        ClaimId, Claim.CreditorId, Claim.Class, Claim.PrincipalFen, Claim.InterestFen, Claim.OtherFen, Claim.SecuredFen, Claim.DeclaredBy,
        InterestLines = Claim.InterestLines ?? [], Claim.Department, Late, JoinsRound,
    };
}

/// <summary>A tax bureau's declaration, split: one fact for both claims, so the ledger shows the split as one act.</summary>
public sealed record TaxClaimDeclared(
    string CaseId, string Actor, DateTimeOffset At, string Department, string CreditorId,
    string? PriorityClaimId, string? OrdinaryClaimId, IReadOnlyList<TaxClaimLine> Lines, IReadOnlyList<TaxLineRank> Ranks,
    long PriorityFen, long OrdinaryFen, long SubordinatedFen, string? Reference, bool Late, int JoinsRound) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.taxDeclared";
    public override object LedgerData => new
    {
        Department, CreditorId, PriorityClaimId, OrdinaryClaimId, PriorityFen, OrdinaryFen, SubordinatedFen, Reference, Late, JoinsRound,
        Lines = Lines.Select((l, i) => new { l.Kind, l.TaxType, l.Period, l.AmountFen, l.AccruedUntil, Rank = Ranks[i] }).ToArray(),
    };
}

public sealed record EmployeeClaimListed(string CaseId, string Actor, DateTimeOffset At, string ClaimId, ListEmployeeClaim Claim) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.employeeListed";
    public override object LedgerData => new { ClaimId, Claim.CreditorId, Claim.PrincipalFen, Claim.OtherFen };
}

public sealed record ClaimReviewStarted(string CaseId, string Actor, DateTimeOffset At, string ClaimId) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.reviewStarted";
    public override object LedgerData => new { ClaimId };
}

public sealed record ClaimReviewed(string CaseId, string Actor, DateTimeOffset At, ReviewClaim Review, ClaimStatusNotice? Notice = null) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.reviewed";
    public override object LedgerData => new { Review.ClaimId, Review.Decision, Review.ConfirmedFen, Review.Reason };
    public override OutboxMessage? Outbox => Notify(Notice);

    [JsonIgnore]
    public ClaimStatus Status => Review.Decision switch
    {
        ClaimDecision.Confirm => ClaimStatus.Confirmed,
        ClaimDecision.PartiallyConfirm => ClaimStatus.PartiallyConfirmed,
        _ => ClaimStatus.Rejected,
    };
}

/// <param name="OwnClaim">Whether the objector is the claim's own creditor rather than another creditor.</param>
public sealed record ClaimObjected(string CaseId, string Actor, DateTimeOffset At, string ClaimId, string Reason, bool OwnClaim, ClaimStatusNotice? Notice = null)
    : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.objected";
    public override object LedgerData => new { ClaimId, Objector = Actor, OwnClaim, Reason };
    public override OutboxMessage? Outbox => Notify(Notice);
}

public sealed record ClaimRuled(
    string CaseId, string Actor, DateTimeOffset At, string ClaimId, long ConfirmedFen, ClaimStatus Status, string Reason, string? RulingReference,
    ClaimStatusNotice? Notice = null) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.ruled";
    public override object LedgerData => new { ClaimId, ConfirmedFen, Status, Reason, RulingReference };
    public override OutboxMessage? Outbox => Notify(Notice);
}

public sealed record ClaimWithdrawn(string CaseId, string Actor, DateTimeOffset At, string ClaimId, string? Reason, ClaimStatusNotice? Notice = null)
    : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.withdrawn";
    public override object LedgerData => new { ClaimId, Reason };
    public override OutboxMessage? Outbox => Notify(Notice);
}

/// <summary>An evidence file filed for a claim: the ledger records its SHA-256, size and type, never its name or content.</summary>
public sealed record ClaimEvidenceAttached(string CaseId, string Actor, DateTimeOffset At, string ClaimId, EvidenceView Evidence) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "claim.evidenceAttached";
    public override object LedgerData => new { ClaimId, Evidence.EvidenceId, Evidence.Sha256, Evidence.SizeBytes, Evidence.MediaType };
}

/// <summary>
/// A distribution round paid out of the case account: the one fact of the round, saying what each creditor got. The
/// money moved by the account's transfer <paramref name="Reference"/> (its own ledger entries).
/// </summary>
/// <param name="Reference">The account's distribution transfer that paid the round (null only in rounds recorded by hand before the account paid them all).</param>
public sealed record DistributionRecorded(string CaseId, string Actor, DateTimeOffset At, int Round, bool Final, string? Reference = null) : CaseFact(CaseId, Actor, At)
{
    public ClaimClass? Class { get; init; }

    /// <summary>What the round paid in all: the sum of <see cref="Lines"/>.</summary>
    public long? TotalFen { get; init; }

    /// <summary>What each creditor got, in the plan's order.</summary>
    public IReadOnlyList<DistributionPaid>? Lines { get; init; }

    public override string LedgerKind => "distribution.recorded";
    public override object LedgerData => Reference is null ? new { Round, Final } : new { Round, Final, Reference, Class, TotalFen, Lines = Lines ?? [] };
}

/// <summary>What one creditor got in a distribution round.</summary>
public sealed record DistributionPaid(string PayeeId, string? ClaimId, long AmountFen);

public sealed record MeetingAdded(string CaseId, string Actor, DateTimeOffset At, string MeetingId) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "meeting.scheduled";
    public override object LedgerData => new { MeetingId };
}

/// <summary>The case's supervised account was opened (its own entry, <c>account.opened</c>, has the details).</summary>
public sealed record AccountAdded(string CaseId, string Actor, DateTimeOffset At) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "case.accountAdded";
    public override object LedgerData => new { };
}

public sealed record CreditorInvited(string CaseId, string Actor, DateTimeOffset At, string CreditorId) : CaseFact(CaseId, Actor, At)
{
    public override string LedgerKind => "creditor.invited";
    public override object LedgerData => new { CreditorId };
}
