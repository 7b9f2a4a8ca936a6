using System.Text.Json.Serialization;
using CaseGrains.Identity;
using CaseGrains.Runtime;

namespace CaseGrains.CaseAccounts;

/// <summary>
/// What happened to a case account, in order; the account grain's state is rebuilt from these. Every step of the
/// money (opening, limit changes, deposit, request, approval, rejection or cancellation, execution) is also an entry in the case ledger. The
/// ledger is read by the case's creditors too, so it carries account numbers masked and no payee names.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "fact")]
[JsonDerivedType(typeof(CaseAccountOpened), "account.opened")]
[JsonDerivedType(typeof(DepositRecorded), "account.deposit")]
[JsonDerivedType(typeof(TransferRequested), "transfer.requested")]
[JsonDerivedType(typeof(TransferApproved), "transfer.approved")]
[JsonDerivedType(typeof(TransferRejected), "transfer.rejected")]
[JsonDerivedType(typeof(TransferExecuted), "transfer.executed")]
[JsonDerivedType(typeof(AccountLimitsChanged), "account.limitsChanged")]
[JsonDerivedType(typeof(TransferCancelled), "transfer.cancelled")]
[JsonDerivedType(typeof(DistributionRoundLinked), "distribution.roundLinked")]
public abstract record CaseAccountFact(string CaseId, string Actor, DateTimeOffset At);

/// <summary>A fact that goes into the case ledger in the transaction that stores it.</summary>
public abstract record CaseAccountLedgerFact(string CaseId, string Actor, DateTimeOffset At) : CaseAccountFact(CaseId, Actor, At), ILedgerFact
{
    [JsonIgnore] public abstract string LedgerKind { get; }
    [JsonIgnore] public abstract object LedgerData { get; }
}

public sealed record CaseAccountOpened(string CaseId, string Actor, DateTimeOffset At, OpenCaseAccount Account) : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "account.opened";
    public override object LedgerData => new
    {
        Account.AccountName, AccountNumber = PersonalDataMask.BankAccount(Account.AccountNumber), Account.BankName,
        Account.Limits.PerTransferFen, Account.Limits.PerDayFen, Account.Limits.CumulativeFen,
    };
}

public sealed record DepositRecorded(
    string CaseId, string Actor, DateTimeOffset At, string DepositId, long AmountFen, string Source, string Reference, long BalanceAfterFen)
    : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "account.deposit";
    public override object LedgerData => new { DepositId, AmountFen, Source, Reference, BalanceAfterFen };
}

/// <param name="Exceeded">The limits the transfer went over when requested; empty when it executes at once.</param>
public sealed record TransferRequested(
    string CaseId, string Actor, DateTimeOffset At, string TransferId, TransferKind Kind, long AmountFen, string Purpose,
    Payee? Payee, DistributionPlan? Distribution, IReadOnlyList<TransferLimit> Exceeded) : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "transfer.requested";
    public override object LedgerData => new
    {
        TransferId, Kind, AmountFen, Purpose, NeedsApproval = Exceeded.Count > 0, Exceeded,
        Payee = Payee is null ? null : new { AccountNumber = PersonalDataMask.BankAccount(Payee.AccountNumber), Payee.CreditorId },
        Distribution = Distribution is null ? null : new
        {
            Distribution.Class, Distribution.Round, Distribution.Final, Distribution.WeightTotalFen,
            Lines = Distribution.Lines.Select(l => new { l.PayeeId, l.ClaimId, l.WeightFen, l.AmountFen }).ToArray(),
        },
    };
}

public sealed record TransferApproved(string CaseId, string Actor, DateTimeOffset At, string TransferId, string? Reason) : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "transfer.approved";
    public override object LedgerData => new { TransferId, Reason };
}

public sealed record TransferRejected(string CaseId, string Actor, DateTimeOffset At, string TransferId, string Reason) : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "transfer.rejected";
    public override object LedgerData => new { TransferId, Reason };
}

/// <summary>The case's judge changed the limits; transfers requested from now on are checked against them.</summary>
public sealed record AccountLimitsChanged(string CaseId, string Actor, DateTimeOffset At, AccountLimits Limits, AccountLimits Previous, string? Reason)
    : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "account.limitsChanged";
    public override object LedgerData => new
    {
        Limits.PerTransferFen, Limits.PerDayFen, Limits.CumulativeFen,
        Previous = new { Previous.PerTransferFen, Previous.PerDayFen, Previous.CumulativeFen },
        Reason,
    };
}

/// <summary>The administrator withdrew a transfer that waited for the judge; the amount it held is free again.</summary>
public sealed record TransferCancelled(string CaseId, string Actor, DateTimeOffset At, string TransferId, string? Reason) : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "transfer.cancelled";
    public override object LedgerData => new { TransferId, Reason };
}

/// <param name="Day">The court day the money left, which the per-day limit counts.</param>
public sealed record TransferExecuted(string CaseId, string Actor, DateTimeOffset At, string TransferId, long AmountFen, long BalanceAfterFen, DateOnly Day)
    : CaseAccountLedgerFact(CaseId, Actor, At)
{
    public override string LedgerKind => "transfer.executed";
    public override object LedgerData => new { TransferId, AmountFen, BalanceAfterFen, Day };
}

/// <summary>
/// An executed distribution was recorded as the case's distribution round (the case's own ledger entry
/// <c>distribution.recorded</c> says so, with the transfer id as its reference). Bookkeeping of the account only.
/// </summary>
/// <param name="Round">The round recorded, or null when the case refused to record it (<paramref name="Note"/> says why).</param>
public sealed record DistributionRoundLinked(string CaseId, string Actor, DateTimeOffset At, string TransferId, int? Round, string? Note)
    : CaseAccountFact(CaseId, Actor, At);
