using System.Collections.Immutable;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Identity;
using CaseGrains.Live;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.CaseAccounts;

/// <summary>
/// The supervised account of a case (一案一账户), rebuilt on activation from its facts. Each request is checked and
/// committed in the grain's turn, one at a time, so concurrent transfers see each other's effect: a transfer is
/// checked against the limits with everything executed before it, and against the available balance with everything
/// executed or held before it. A transfer over a limit holds its amount until the judge decides, so an approval
/// always finds the money there and the balance never goes below zero. Watchers of the case's staff group are told
/// after each commit.
/// </summary>
/// <remarks>
/// An executed distribution also records the case's next distribution round (EBL 56) through the case grain, with
/// the transfer id as reference so that recording it twice records one round. This is the only way a round is
/// recorded: the transfer is the money, the round (with what each creditor got) is the case's one fact of it. One
/// distribution waits for the judge at a time, so the round a plan was made for is the round it records. When that call fails after the money
/// moved, the activation is dropped and the next one records the round on activation.
/// </remarks>
public sealed class CaseAccountGrain(IFactLog<CaseAccountFact> facts, ILiveUpdates live, TimeProvider clock) : Grain, ICaseAccountGrain
{
    private readonly List<DepositView> deposits = [];
    private readonly HashSet<string> depositReferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TransferView> transfers = new(StringComparer.Ordinal);
    private readonly List<string> transferOrder = [];
    private readonly Dictionary<DateOnly, long> paidByDay = [];
    private volatile ImmutableList<PendingApproval> pending = [];
    private CaseAccountOpened? opened;
    private long balance;
    private long reserved;
    private long deposited;
    private long paidTotal;
    /// <summary>Whether this activation has told the case grain that the account exists (see <see cref="TellCaseAsync"/>).</summary>
    private bool caseKnowsAccount;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var fact in await facts.ReadAllAsync(cancellationToken)) Apply(fact);
        pending = Pending();
        if (UnrecordedRounds().Any()) Context.ScheduleTurn(RecordRoundsAsync);
        if (opened is not null) Context.ScheduleTurn(TellCaseQuietlyAsync);
    }

    public async Task<CaseAccountView> Open(OpenCaseAccount command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var access = await CaseAsync();
        RequireJudge(access, command.JudgeId);
        if (opened is not null) throw RuleViolationException.Conflict("caseId", $"Case {Key} already has its supervised account.");
        command = CaseAccountRules.ValidateOpening(command);
        await CommitAsync([new CaseAccountOpened(Key, command.JudgeId, clock.GetUtcNow(), command)]);
        await TellCaseQuietlyAsync();
        PublishAccount();
        return View();
    }

    public Task<CaseAccountView> Get()
    {
        RequireOpen();
        return Task.FromResult(View());
    }

    public async Task<CaseAccountView> SetLimits(SetAccountLimits command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireJudge(await CaseAsync(), command.JudgeId);
        var o = RequireOpen();
        CaseAccountRules.ValidateLimitChange(command);
        if (command.Limits == o.Account.Limits) return View();
        await CommitAsync([new AccountLimitsChanged(Key, command.JudgeId, clock.GetUtcNow(), command.Limits, o.Account.Limits, Blank(command.Reason))]);
        PublishAccount();
        return View();
    }

    public async Task<DepositView> RecordDeposit(RecordDeposit command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireAdministrator(await CaseAsync(), command.AdministratorId);
        RequireOpen();
        CaseAccountRules.ValidateDeposit(command);
        if (depositReferences.Contains(command.Reference))
            throw RuleViolationException.Conflict("reference", $"Deposit {command.Reference} is already recorded.");
        if (command.AmountFen > CaseAccountRules.MaxBalanceFen - balance)
            throw RuleViolationException.Invalid("amountFen", "The account would hold more than any estate can (10^17 fen).");
        var deposit = new DepositRecorded(Key, command.AdministratorId, clock.GetUtcNow(), $"D{deposits.Count + 1:D5}", command.AmountFen,
            command.Source, command.Reference, balance + command.AmountFen);
        await CommitAsync([deposit]);
        PublishAccount();
        return deposits[^1];
    }

    public Task<IReadOnlyList<DepositView>> GetDeposits()
    {
        RequireOpen();
        return Task.FromResult<IReadOnlyList<DepositView>>([.. deposits]);
    }

    public async Task<TransferView> RequestTransfer(RequestTransfer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireAdministrator(await CaseAsync(), command.AdministratorId);
        RequireOpen();
        command = CaseAccountRules.ValidateTransfer(command);
        var transferId = await RequestAsync(command.AdministratorId, TransferKind.Single, command.AmountFen, command.Purpose, command.Payee, null);
        return transfers[transferId];
    }

    public async Task<DistributionPreview> PreviewDistribution(PayDistribution command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireAdministrator(await CaseAsync(), command.AdministratorId);
        RequireOpen();
        var plan = await PlanAsync(command);
        return new DistributionPreview(command.TotalFen, plan, Exceeded(command.TotalFen, clock.GetUtcNow()), Available);
    }

    public async Task<TransferView> PayDistribution(PayDistribution command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var access = await CaseAsync();
        RequireAdministrator(access, command.AdministratorId);
        RequireOpen();
        var plan = await PlanAsync(command);
        var transferId = await RequestAsync(command.AdministratorId, TransferKind.Distribution, command.TotalFen, command.Purpose, null, plan);
        if (transfers[transferId].Status == TransferStatus.Executed) await RecordRoundAsync(transferId, access);
        return transfers[transferId];
    }

    public async Task<TransferView> ApproveTransfer(DecideTransfer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var access = await CaseAsync();
        RequireJudge(access, command.JudgeId);
        RequireOpen();
        CaseAccountRules.ValidateDecision(command, reasonRequired: false);
        var transfer = RequireAwaiting(command.TransferId);
        if (transfer.Kind == TransferKind.Distribution && (await GrainFactory.Get<ICaseGrain>(Key).Get()).FinalDistributionPaid)
            throw RuleViolationException.Conflict("transferId", $"The final distribution of case {Key} has been paid; reject this one instead.");
        var now = clock.GetUtcNow();
        // The amount was held when the transfer was requested, so the balance covers it.
        await CommitAsync([
            new TransferApproved(Key, command.JudgeId, now, transfer.TransferId, Blank(command.Reason)),
            new TransferExecuted(Key, command.JudgeId, now, transfer.TransferId, transfer.AmountFen, balance - transfer.AmountFen, CourtDay.Of(now)),
        ]);
        if (transfer.Kind == TransferKind.Distribution) await RecordRoundAsync(transfer.TransferId, access);
        PublishTransfer(transfer.TransferId);
        return transfers[transfer.TransferId];
    }

    public async Task<TransferView> RejectTransfer(DecideTransfer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireJudge(await CaseAsync(), command.JudgeId);
        RequireOpen();
        CaseAccountRules.ValidateDecision(command, reasonRequired: true);
        var transfer = RequireAwaiting(command.TransferId);
        await CommitAsync([new TransferRejected(Key, command.JudgeId, clock.GetUtcNow(), transfer.TransferId, command.Reason!)]);
        PublishTransfer(transfer.TransferId);
        return transfers[transfer.TransferId];
    }

    public async Task<TransferView> CancelTransfer(CancelTransfer command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireAdministrator(await CaseAsync(), command.AdministratorId);
        RequireOpen();
        CaseAccountRules.ValidateCancellation(command);
        var transfer = RequireAwaiting(command.TransferId);
        await CommitAsync([new TransferCancelled(Key, command.AdministratorId, clock.GetUtcNow(), transfer.TransferId, Blank(command.Reason))]);
        PublishTransfer(transfer.TransferId);
        return transfers[transfer.TransferId];
    }

    public Task<TransferView> GetTransfer(string transferId)
    {
        RequireOpen();
        return Task.FromResult(RequireTransfer(transferId));
    }

    public Task<IReadOnlyList<TransferView>> GetTransfers()
    {
        RequireOpen();
        return Task.FromResult<IReadOnlyList<TransferView>>([.. transferOrder.Select(id => transfers[id])]);
    }

    // Interleaves (see the interface): reads only the immutable snapshot that each commit replaces.
    public Task<IReadOnlyList<PendingApproval>> GetPendingApprovals() => Task.FromResult<IReadOnlyList<PendingApproval>>(pending);

    /// <summary>Checks the balance and the limits, commits the request, and its execution when no limit is exceeded.</summary>
    private async Task<string> RequestAsync(string actor, TransferKind kind, long amountFen, string purpose, Payee? payee, DistributionPlan? plan)
    {
        if (amountFen > Available)
            throw RuleViolationException.Conflict(kind == TransferKind.Single ? "amountFen" : "totalFen",
                $"The account has {Fen.Format(Available)} available ({Fen.Format(balance)} balance, {Fen.Format(reserved)} held for transfers waiting for the judge); {Fen.Format(amountFen)} would overdraw it.");
        var now = clock.GetUtcNow();
        var exceeded = Exceeded(amountFen, now);
        // The judge's dashboard asks only the accounts the case knows of: nothing waits for the judge unseen.
        if (exceeded.Count > 0) await TellCaseAsync();
        var transferId = $"T{transferOrder.Count + 1:D5}";
        var requested = new TransferRequested(Key, actor, now, transferId, kind, amountFen, purpose, payee, plan, exceeded);
        await CommitAsync(exceeded.Count > 0
            ? [requested]
            : [requested, new TransferExecuted(Key, actor, now, transferId, amountFen, balance - amountFen, CourtDay.Of(now))]);
        PublishTransfer(transferId);
        return transferId;
    }

    /// <summary>
    /// Tells the case grain that its account exists (idempotent there), once per activation: after opening, again on
    /// every activation (in case the call after opening failed), and before any transfer starts waiting for the judge.
    /// </summary>
    private async Task TellCaseAsync()
    {
        if (caseKnowsAccount) return;
        await GrainFactory.Get<ICaseGrain>(Key).AddAccount(opened!.Actor);
        caseKnowsAccount = true;
    }

    private async Task TellCaseQuietlyAsync()
    {
        try
        {
            await TellCaseAsync();
        }
        catch (Exception)
        {
            // The account stands; the case is told before the next transfer waits for the judge, or on the next activation.
        }
    }

    private IReadOnlyList<TransferLimit> Exceeded(long amountFen, DateTimeOffset now) =>
        TransferLimits.Exceeded(opened!.Account.Limits, amountFen, paidByDay.GetValueOrDefault(CourtDay.Of(now)), paidTotal);

    /// <summary>The lines of a distribution and their amounts, from the claim list or from the shares given.</summary>
    private async Task<DistributionPlan> PlanAsync(PayDistribution command)
    {
        CaseAccountRules.ValidateDistribution(command);
        // A plan is made for the case's next round; while one waits for the judge, the next round is not yet known.
        if (transferOrder.Select(id => transfers[id]).FirstOrDefault(t => t is { Kind: TransferKind.Distribution, Status: TransferStatus.AwaitingApproval }) is { } waiting)
            throw RuleViolationException.Conflict("totalFen",
                $"Distribution {waiting.TransferId} (round {waiting.Distribution!.Round}) waits for the judge; the next round is planned once it is decided or cancelled.");
        var caseGrain = GrainFactory.Get<ICaseGrain>(Key);
        var caseView = await caseGrain.Get();
        if (caseView.FinalDistributionPaid)
            throw RuleViolationException.Conflict("final", $"The final distribution of case {Key} has been paid.");
        var round = caseView.DistributionRounds + 1;
        List<(string PayeeId, string? ClaimId, long Weight)> lines;
        if (command.Class is { } @class)
        {
            var list = await caseGrain.GetClaimList();
            // The secured part of a claim is paid from its collateral (EBL 109); the rest shares in its class.
            lines = [.. list.Rows
                .Where(r => r.Class == @class && (r.Status is ClaimStatus.Confirmed or ClaimStatus.PartiallyConfirmed) && r.JoinsDistributionRound <= round)
                .Select(r => (r.CreditorId, (string?)r.ClaimId, r.ConfirmedFen - Math.Min(r.SecuredFen, r.ConfirmedFen)))
                .Where(l => l.Item3 > 0)];
            if (lines.Count == 0)
                throw RuleViolationException.Conflict("class", $"No confirmed claim of class {@class} shares in distribution round {round} of case {Key}.");
            if (lines.Count > CaseAccountRules.MaxDistributionLines)
                throw RuleViolationException.Conflict("class", $"A distribution pays at most {CaseAccountRules.MaxDistributionLines} claims; list the shares in parts.");
        }
        else
        {
            lines = [.. command.Shares!.Select(s => (s.PayeeId, (string?)null, s.WeightFen))];
        }

        Int128 sum = 0;
        foreach (var line in lines) sum += line.Weight;
        if (sum > CaseAccountRules.MaxBalanceFen)
            throw RuleViolationException.Conflict("class", "The claims of this class add up to more than any estate owes (10^17 fen).");
        var weightTotal = (long)sum;
        if (command.TotalFen > weightTotal)
            throw RuleViolationException.Invalid("totalFen",
                $"A distribution pays a class at most in full: {Fen.Format(weightTotal)} is owed, {Fen.Format(command.TotalFen)} would pay more; the rest belongs to the next class.");
        var amounts = ProRataSplit.Split(command.TotalFen, [.. lines.Select(l => l.Weight)]);
        return new DistributionPlan(command.Class, round, command.Final, weightTotal,
            [.. lines.Select((l, i) => new DistributionLine(l.PayeeId, l.ClaimId, l.Weight, amounts[i]))]);
    }

    /// <summary>Records an executed distribution as the case's next round, once; see the class remarks.</summary>
    /// <param name="access">The case's parties as this operation already read them; read here when not given.</param>
    private async Task RecordRoundAsync(string transferId, CaseAccess? access = null)
    {
        var transfer = transfers[transferId];
        int? round = null;
        string? note = null;
        string actor;
        try
        {
            actor = (access ?? await CaseAsync()).AdministratorId;
            var view = await GrainFactory.Get<ICaseGrain>(Key).RecordDistribution(new RecordDistribution(actor, transferId, transfer.Distribution!));
            round = view.DistributionRounds;
        }
        catch (RuleViolationException e)
        {
            actor = transfer.RequestedBy;
            note = e.Message;
        }
        catch (Exception)
        {
            // The money has moved and says so; the round is recorded by the next activation.
            Context.DeactivateOnIdle();
            return;
        }
        await CommitAsync([new DistributionRoundLinked(Key, actor, clock.GetUtcNow(), transferId, round, note)]);
        PublishTransfer(transferId);
    }

    private async Task RecordRoundsAsync()
    {
        foreach (var transferId in UnrecordedRounds().ToList()) await RecordRoundAsync(transferId);
    }

    private IEnumerable<string> UnrecordedRounds() => transferOrder.Where(id => transfers[id] is
    {
        Kind: TransferKind.Distribution, Status: TransferStatus.Executed, DistributionRound: null, DistributionRoundNote: null,
    });

    private async Task CommitAsync(CaseAccountFact[] batch)
    {
        await facts.AppendAsync(batch);
        foreach (var fact in batch) Apply(fact);
        // Replaced once per commit, so that a reader between the request and the execution of one batch never sees it waiting.
        pending = Pending();
    }

    private void Apply(CaseAccountFact fact)
    {
        switch (fact)
        {
            case CaseAccountOpened o:
                opened = o;
                break;
            case DepositRecorded d:
                balance += d.AmountFen;
                deposited += d.AmountFen;
                depositReferences.Add(d.Reference);
                deposits.Add(new DepositView(d.DepositId, d.AmountFen, d.Source, d.Reference, d.Actor, d.At, d.BalanceAfterFen));
                break;
            case TransferRequested r:
                reserved += r.AmountFen;
                transfers[r.TransferId] = new TransferView(r.TransferId, r.Kind, TransferStatus.AwaitingApproval, r.AmountFen, r.Purpose, r.Payee,
                    r.Distribution, r.Exceeded, r.Actor, r.At) { CaseId = Key };
                transferOrder.Add(r.TransferId);
                break;
            case TransferApproved a:
                Change(a.TransferId, t => t with { DecidedBy = a.Actor, DecidedAt = a.At, DecisionReason = a.Reason });
                break;
            case TransferRejected j:
                reserved -= transfers[j.TransferId].AmountFen;
                Change(j.TransferId, t => t with { Status = TransferStatus.Rejected, DecidedBy = j.Actor, DecidedAt = j.At, DecisionReason = j.Reason });
                break;
            case AccountLimitsChanged c:
                opened = opened! with { Account = opened.Account with { Limits = c.Limits } };
                break;
            case TransferCancelled x:
                reserved -= transfers[x.TransferId].AmountFen;
                Change(x.TransferId, t => t with { Status = TransferStatus.Cancelled, DecidedBy = x.Actor, DecidedAt = x.At, DecisionReason = x.Reason });
                break;
            case TransferExecuted e:
                reserved -= e.AmountFen;
                balance -= e.AmountFen;
                paidTotal += e.AmountFen;
                paidByDay[e.Day] = paidByDay.GetValueOrDefault(e.Day) + e.AmountFen;
                Change(e.TransferId, t => t with { Status = TransferStatus.Executed, ExecutedAt = e.At, BalanceAfterFen = e.BalanceAfterFen });
                break;
            case DistributionRoundLinked l:
                Change(l.TransferId, t => t with { DistributionRound = l.Round, DistributionRoundNote = l.Note });
                break;
        }
    }

    private void Change(string transferId, Func<TransferView, TransferView> change) => transfers[transferId] = change(transfers[transferId]);

    private ImmutableList<PendingApproval> Pending() => [.. transferOrder.Select(id => transfers[id])
        .Where(t => t.Status == TransferStatus.AwaitingApproval)
        .Select(t => new PendingApproval(Key, t.TransferId, t.Kind, t.AmountFen, t.Purpose, t.Distribution?.Lines.Count ?? 1, t.ExceededLimits,
            t.RequestedBy, t.RequestedAt))];

    private long Available => balance - reserved;

    private static string? Blank(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason;

    private async Task<CaseAccess> CaseAsync() =>
        await GrainFactory.Get<ICaseGrain>(Key).GetAccess() ?? throw RuleViolationException.NotFound("caseId", $"There is no case {Key}.");

    private void RequireJudge(CaseAccess access, string? judgeId)
    {
        if (string.IsNullOrWhiteSpace(judgeId)) throw RuleViolationException.Invalid("judgeId", "The judge is required.");
        if (!string.Equals(judgeId, access.JudgeId, StringComparison.Ordinal))
            throw RuleViolationException.NotAllowed("judgeId", $"Only the judge of case {Key} opens its account and decides on its transfers.");
    }

    private void RequireAdministrator(CaseAccess access, string? administratorId)
    {
        if (string.IsNullOrWhiteSpace(administratorId)) throw RuleViolationException.Invalid("administratorId", "The administrator is required.");
        if (!string.Equals(administratorId, access.AdministratorId, StringComparison.Ordinal))
            throw RuleViolationException.NotAllowed("administratorId", $"Only the administrator appointed in case {Key} moves its money.");
    }

    private CaseAccountOpened RequireOpen() =>
        opened ?? throw RuleViolationException.NotFound("caseId", $"Case {Key} has no supervised account yet; the judge opens it.");

    private TransferView RequireTransfer(string? transferId) =>
        transfers.TryGetValue(transferId ?? "", out var transfer)
            ? transfer
            : throw RuleViolationException.NotFound("transferId", $"Case {Key} has no transfer {transferId}.");

    private TransferView RequireAwaiting(string transferId)
    {
        var transfer = RequireTransfer(transferId);
        return transfer.Status == TransferStatus.AwaitingApproval
            ? transfer
            : throw RuleViolationException.Conflict("transferId", $"Transfer {transferId} is {transfer.Status switch
            {
                TransferStatus.Executed => "executed",
                TransferStatus.Rejected => "rejected",
                _ => "cancelled",
            }}; it no longer waits for a decision.");
    }

    private CaseAccountView View()
    {
        var o = RequireOpen();
        var today = CourtDay.Of(clock.GetUtcNow());
        return new CaseAccountView(Key, o.Account.AccountName, o.Account.AccountNumber, PersonalDataMask.BankAccount(o.Account.AccountNumber),
            o.Account.BankName, o.Account.Limits, balance, reserved, Available, deposited, today, paidByDay.GetValueOrDefault(today), paidTotal,
            o.Actor, o.At, deposits.Count, transferOrder.Count, pending);
    }

    /// <summary>The account is the staff's business only: creditors never see it, live or otherwise.</summary>
    private void PublishAccount() => live.Publish(new LiveUpdate(LiveUpdate.CaseStaffGroup(Key), "account", Key, View()));

    private void PublishTransfer(string transferId)
    {
        live.Publish(new LiveUpdate(LiveUpdate.CaseStaffGroup(Key), "transfer", transferId, transfers[transferId]));
        PublishAccount();
    }
}
