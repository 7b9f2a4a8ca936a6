using CaseGrains.Claims;
using CaseGrains.Claims.Rules;
using CaseGrains.Departments;
using CaseGrains.Live;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>
/// A case and its claims, rebuilt on activation from the case's facts. Every change is a fact that is committed
/// (with its ledger entry, and the notice to a declaring department) before the caller hears of it and before
/// watchers are told. Each claim action is checked against <see cref="ClaimLifecycle"/> and against who may take it.
/// </summary>
public sealed partial class CaseGrain(IFactLog<CaseFact> facts, ILiveUpdates live, TimeProvider clock) : Grain, ICaseGrain
{
    public const int MaxEvidencePerClaim = 50;
    public const int MaxTaxLines = 200;

    private readonly Dictionary<string, ClaimView> claims = new(StringComparer.Ordinal);
    private readonly List<string> claimOrder = [];
    private readonly Dictionary<string, List<ClaimHistoryEntry>> histories = new(StringComparer.Ordinal);
    private readonly List<string> meetings = [];
    private readonly Dictionary<(string Department, string Reference), string> taxReferences = [];
    private readonly HashSet<string> participants = new(StringComparer.Ordinal);
    private readonly HashSet<string> invited = new(StringComparer.Ordinal);
    /// <summary>Participants the last applied facts added, for the creditors' index of their cases.</summary>
    private readonly List<string> joined = [];
    private OpenCase? opened;
    private readonly HashSet<string> distributionReferences = new(StringComparer.Ordinal);
    private int distributionRounds;
    private bool finalDistributionPaid;
    private bool hasAccount;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var fact in await facts.ReadAllAsync(cancellationToken)) Apply(fact);
        joined.Clear();
    }

    public async Task<CaseView> Open(OpenCase command)
    {
        if (opened is not null) throw RuleViolationException.Conflict("caseId", $"Case {Key} is already open.");
        command = CaseRules.Validate(command);
        await CommitAsync(new CaseOpened(Key, command.JudgeId, clock.GetUtcNow(), command));
        await GrainFactory.Get<ICaseDirectoryGrain>(CaseDirectoryKeys.ForCourt(command.Court)).Add(Key);
        await GrainFactory.Get<ICaseDirectoryGrain>(CaseDirectoryKeys.ForAdministrator(command.AdministratorId)).Add(Key);
        return View();
    }

    public Task<CaseView> Get() => Task.FromResult(View());

    public async Task<ClaimView> DeclareClaim(DeclareClaim command)
    {
        var o = RequireOpen();
        RequireDeclarationsOpen();
        command = ClaimRules.ValidateDeclaration(command, o.AcceptedOn);
        var now = clock.GetUtcNow();
        var (late, round) = Lateness(now);
        var claimId = NextClaimId(0);
        await CommitAsync(new ClaimDeclared(Key, command.DeclaredBy, now, claimId, command, late, round));
        return Published(claimId);
    }

    public async Task<TaxDeclarationView> DeclareTaxClaim(DeclareTaxClaim command)
    {
        var o = RequireOpen();
        RequireDeclarationsOpen();
        CaseRules.Require(command.DepartmentCode, "departmentCode", "the declaring department");
        if (command.Lines is null) throw RuleViolationException.Invalid("lines", "A tax declaration needs at least one line.");
        if (command.Lines.Count > MaxTaxLines) throw RuleViolationException.Invalid("lines", $"A tax declaration has at most {MaxTaxLines} lines.");
        if (command.Reference is { Length: > 200 }) throw RuleViolationException.Invalid("reference", "The reference is longer than 200 characters.");
        foreach (var (line, i) in command.Lines.Select((l, i) => (l, i)))
        {
            if (line?.TaxType is { Length: > 100 }) throw RuleViolationException.Invalid($"lines[{i}].taxType", "The tax type is longer than 100 characters.");
            if (line?.Period is { Length: > 50 }) throw RuleViolationException.Invalid($"lines[{i}].period", "The period is longer than 50 characters.");
        }

        if (command.Reference is { } reference && taxReferences.TryGetValue((command.DepartmentCode, reference), out var earlier))
            throw RuleViolationException.Conflict("reference", $"Declaration {reference} of department {command.DepartmentCode} is already in this case as {earlier}.");

        var split = TaxClaimSplit.Split(command.Lines, o.AcceptedOn);
        if (split.PriorityFen + split.OrdinaryFen == 0)
            throw RuleViolationException.Invalid("lines",
                "Nothing in this declaration goes onto the claim list: tax and surcharges rank in priority, late fees and special-adjustment interest are ordinary, and fines are paid only after every class (subordinated).");
        if (split.PriorityFen > ClaimRules.MaxFen || split.OrdinaryFen > ClaimRules.MaxFen)
            throw RuleViolationException.Invalid("lines", "A part of the declaration is larger than any claim can be (10^15 fen).");

        var now = clock.GetUtcNow();
        var (late, round) = Lateness(now);
        var creditor = $"dept-{command.DepartmentCode}";
        var priorityId = split.PriorityFen > 0 ? NextClaimId(0) : null;
        var ordinaryId = split.OrdinaryFen > 0 ? NextClaimId(priorityId is null ? 0 : 1) : null;
        await CommitAsync(new TaxClaimDeclared(Key, creditor, now, command.DepartmentCode, creditor, priorityId, ordinaryId,
            [.. command.Lines], [.. split.Lines.Select(l => l.Rank)], split.PriorityFen, split.OrdinaryFen, split.SubordinatedFen,
            command.Reference, late, round));
        return new TaxDeclarationView(
            priorityId is null ? null : Published(priorityId),
            ordinaryId is null ? null : Published(ordinaryId),
            split.PriorityFen, split.OrdinaryFen, split.SubordinatedFen, split.Lines);
    }

    public async Task<ClaimView> ListEmployeeClaim(ListEmployeeClaim command)
    {
        RequireOpen();
        RequireDeclarationsOpen();
        RequireAdministrator(command.AdministratorId, "administratorId");
        ClaimRules.ValidateEmployeeListing(command);
        var claimId = NextClaimId(0);
        await CommitAsync(new EmployeeClaimListed(Key, command.AdministratorId, clock.GetUtcNow(), claimId, command));
        return Published(claimId);
    }

    public async Task<ClaimView> StartReview(StartClaimReview command)
    {
        var claim = RequireClaim(command.ClaimId);
        RequireAdministrator(command.AdministratorId, "administratorId");
        ClaimLifecycle.Next(claim.Status, ClaimAction.StartReview);
        await CommitAsync(new ClaimReviewStarted(Key, command.AdministratorId, clock.GetUtcNow(), claim.ClaimId));
        return Published(claim.ClaimId);
    }

    public async Task<ClaimView> ReviewClaim(ReviewClaim command)
    {
        var claim = RequireClaim(command.ClaimId);
        RequireAdministrator(command.ReviewerId, "reviewerId");
        var next = ClaimLifecycle.Next(claim.Status, ClaimRules.ActionOf(command.Decision));
        command = ClaimRules.ValidateReview(claim, command);
        var now = clock.GetUtcNow();
        var notice = NoticeFor(claim, "reviewed", next, command.ConfirmedFen, command.Reason, command.ReviewerId, now);
        await CommitAsync(new ClaimReviewed(Key, command.ReviewerId, now, command, notice));
        return Published(claim.ClaimId);
    }

    public async Task<ClaimView> ObjectToClaim(ObjectToClaim command)
    {
        var claim = RequireClaim(command.ClaimId);
        ClaimRules.ValidateObjection(command);
        var next = ClaimLifecycle.Next(claim.Status, ClaimAction.Object);
        if (claim.CourtRuled)
            throw RuleViolationException.Conflict("status", $"The court has already ruled on claim {claim.ClaimId}; its ruling is appealed in court, not objected to here.");
        var own = string.Equals(command.ObjectorId, claim.CreditorId, StringComparison.Ordinal);
        if (!own && !claims.Values.Any(c => c.Status != ClaimStatus.Withdrawn && string.Equals(c.CreditorId, command.ObjectorId, StringComparison.Ordinal)))
            throw RuleViolationException.NotAllowed("objectorId", "Only the claim's creditor or another creditor with a claim in this case may object (EBL 58).");
        var now = clock.GetUtcNow();
        var notice = NoticeFor(claim, "objected", next, claim.ConfirmedFen, command.Reason, command.ObjectorId, now);
        await CommitAsync(new ClaimObjected(Key, command.ObjectorId, now, claim.ClaimId, command.Reason, own, notice));
        return Published(claim.ClaimId);
    }

    public async Task<ClaimView> RuleOnObjection(RuleOnObjection command)
    {
        var claim = RequireClaim(command.ClaimId);
        CaseRules.Require(command.JudgeId, "judgeId", "the judge");
        if (!string.Equals(command.JudgeId, opened!.JudgeId, StringComparison.Ordinal))
            throw RuleViolationException.NotAllowed("judgeId", $"Only the case's judge rules on objections in case {Key}.");
        // The status is checked before the amounts, so that a ruling on an undisputed claim says so first.
        ClaimLifecycle.Next(claim.Status, ClaimAction.RuleOnObjection(0, claim.DeclaredFen));
        var next = ClaimLifecycle.Next(claim.Status, ClaimRules.ValidateRuling(claim, command));
        var now = clock.GetUtcNow();
        var notice = NoticeFor(claim, "ruled", next, command.ConfirmedFen, command.Reason, command.JudgeId, now);
        await CommitAsync(new ClaimRuled(Key, command.JudgeId, now, claim.ClaimId, command.ConfirmedFen, next, command.Reason, command.RulingReference, notice));
        return Published(claim.ClaimId);
    }

    public async Task<ClaimView> WithdrawClaim(WithdrawClaim command)
    {
        var claim = RequireClaim(command.ClaimId);
        CaseRules.Require(command.ActorId, "actorId", "who withdraws");
        if (command.Reason is { Length: > 2000 }) throw RuleViolationException.Invalid("reason", "The reason is longer than 2000 characters.");
        var next = ClaimLifecycle.Next(claim.Status, ClaimAction.Withdraw);
        if (!string.Equals(command.ActorId, claim.CreditorId, StringComparison.Ordinal) && !string.Equals(command.ActorId, claim.DeclaredBy, StringComparison.Ordinal))
            throw RuleViolationException.NotAllowed("actorId", "Only the creditor, or whoever declared the claim for it, withdraws a declaration.");
        var now = clock.GetUtcNow();
        var notice = NoticeFor(claim, "withdrawn", next, null, command.Reason, command.ActorId, now);
        await CommitAsync(new ClaimWithdrawn(Key, command.ActorId, now, claim.ClaimId, command.Reason, notice));
        return Published(claim.ClaimId);
    }

    public async Task<EvidenceFiled> AttachEvidence(AttachEvidence command)
    {
        var claim = RequireClaim(command.ClaimId);
        var evidence = command.Evidence ?? throw RuleViolationException.Invalid("evidence", "The evidence is missing.");
        CaseRules.Require(evidence.UploadedBy, "uploadedBy", "who files the evidence");
        if (claim.Status == ClaimStatus.Withdrawn)
            throw RuleViolationException.Conflict("status", $"Claim {claim.ClaimId} was withdrawn; evidence for it is no longer filed.");
        if (evidence.UploadedBy != claim.CreditorId && evidence.UploadedBy != claim.DeclaredBy && evidence.UploadedBy != opened!.AdministratorId)
            throw RuleViolationException.NotAllowed("uploadedBy", "Evidence is filed by the creditor, whoever declared the claim, or the administrator.");
        if (claim.Evidence.Count >= MaxEvidencePerClaim)
            throw RuleViolationException.Conflict("evidence", $"A claim has at most {MaxEvidencePerClaim} evidence files.");
        if (claim.Evidence.Any(e => e.EvidenceId == evidence.EvidenceId))
            throw RuleViolationException.Conflict("evidenceId", $"Evidence {evidence.EvidenceId} is already filed.");
        if (evidence.Sha256 is not { Length: 64 } || !evidence.Sha256.All(char.IsAsciiHexDigitLower))
            throw RuleViolationException.Invalid("sha256", "The SHA-256 is 64 lower-case hex digits.");
        if (evidence.SizeBytes <= 0) throw RuleViolationException.Invalid("sizeBytes", "An evidence file is not empty.");

        var now = clock.GetUtcNow();
        evidence = evidence with { UploadedAt = now };
        var position = await CommitAsync(new ClaimEvidenceAttached(Key, evidence.UploadedBy, now, claim.ClaimId, evidence));
        Published(claim.ClaimId);
        return new EvidenceFiled(Key, claim.ClaimId, evidence, position);
    }

    public async Task<CaseView> RecordDistribution(RecordDistribution command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireOpen();
        RequireAdministrator(command.AdministratorId, "administratorId");
        if (command.Reference is not { Length: > 0 and <= 100 } reference)
            throw RuleViolationException.Invalid("reference", "The account transfer that paid the round is required (1 to 100 characters).");
        var plan = command.Plan ?? throw RuleViolationException.Invalid("plan", "The distribution plan that was paid is required.");
        if (distributionReferences.Contains(reference)) return View();
        if (finalDistributionPaid)
            throw RuleViolationException.Conflict("final", "The final distribution has already been paid.");
        if (plan.Round != distributionRounds + 1)
            throw RuleViolationException.Conflict("round", $"Case {Key} has paid {distributionRounds} rounds; transfer {reference} was planned as round {plan.Round}.");
        var recorded = new DistributionRecorded(Key, command.AdministratorId, clock.GetUtcNow(), plan.Round, plan.Final, reference)
        {
            Class = plan.Class,
            TotalFen = plan.Lines.Sum(l => l.AmountFen),
            Lines = [.. plan.Lines.Select(l => new DistributionPaid(l.PayeeId, l.ClaimId, l.AmountFen))],
        };
        await CommitWithProgressAsync(recorded, ProgressSettledBy(recorded));
        return View();
    }

    public Task<ClaimView> GetClaim(string claimId) => Task.FromResult(RequireClaim(claimId));

    public Task<IReadOnlyList<ClaimHistoryEntry>> GetClaimHistory(string claimId)
    {
        var claim = RequireClaim(claimId);
        return Task.FromResult<IReadOnlyList<ClaimHistoryEntry>>([.. histories[claim.ClaimId]]);
    }

    public Task<IReadOnlyList<ClaimView>> GetClaims() => Task.FromResult<IReadOnlyList<ClaimView>>([.. claimOrder.Select(id => claims[id])]);

    public Task<ClaimListView> GetClaimList()
    {
        var o = RequireOpen();
        return Task.FromResult(ClaimList.Build(Key, o.CaseNumber, o.DebtorName, clock.GetUtcNow(), claimOrder.Select(id => claims[id])));
    }

    public async Task AddMeeting(string meetingId)
    {
        RequireOpen();
        if (meetings.Contains(meetingId)) return;
        await CommitAsync(new MeetingAdded(Key, opened!.AdministratorId, clock.GetUtcNow(), meetingId));
    }

    public async Task AddAccount(string openedBy)
    {
        RequireOpen();
        if (hasAccount) return;
        await CommitAsync(new AccountAdded(Key, openedBy, clock.GetUtcNow()));
    }

    private async Task<long> CommitAsync(CaseFact fact) => (await CommitAllAsync([fact]))[0];

    /// <summary>Commits facts in one transaction, applies them, then tells creditors who joined the case by them.</summary>
    private async Task<IReadOnlyList<long>> CommitAllAsync(IReadOnlyList<CaseFact> batch)
    {
        var positions = await facts.AppendAsync(batch);
        foreach (var fact in batch) Apply(fact);
        foreach (var creditorId in joined) await GrainFactory.Get<Creditors.ICreditorGrain>(creditorId).JoinCase(Key);
        joined.Clear();
        return positions;
    }

    private void Apply(CaseFact fact)
    {
        progress.Apply(fact);
        switch (fact)
        {
            case CaseOpened o:
                opened = o.Case;
                break;
            case ClaimDeclared d:
                Declared(d);
                break;
            case TaxClaimDeclared t:
                TaxDeclared(t);
                break;
            case EmployeeClaimListed e:
                var listed = new ClaimView(e.ClaimId, Key, e.Claim.CreditorId, ClaimClass.Employee, e.Claim.PrincipalFen, 0, e.Claim.OtherFen, 0, null,
                    ClaimStatus.Confirmed, e.Claim.PrincipalFen + e.Claim.OtherFen, e.Claim.Description, e.Actor, e.At, e.Actor, e.At)
                {
                    Origin = ClaimOrigin.Administrator,
                    JoinsDistributionRound = distributionRounds + 1,
                };
                Add(listed, new ClaimHistoryEntry("listed", e.Actor, e.At, null, ClaimStatus.Confirmed, e.Claim.Description, listed.ConfirmedFen));
                break;
            case ClaimReviewStarted s:
                Change(s.ClaimId, c => c with { Status = ClaimStatus.UnderReview }, "reviewStarted", s.Actor, s.At, null, null);
                break;
            case ClaimReviewed r:
                var confirmed = r.Review.Decision == ClaimDecision.Reject ? 0 : r.Review.ConfirmedFen;
                Change(r.Review.ClaimId, c => c with
                {
                    Status = r.Status,
                    ConfirmedFen = confirmed,
                    Reason = r.Review.Reason,
                    ReviewedBy = r.Review.ReviewerId,
                    ReviewedAt = r.At,
                }, ActionName(r.Status), r.Actor, r.At, r.Review.Reason, confirmed);
                break;
            case ClaimObjected j:
                Change(j.ClaimId, c => c with { Status = ClaimStatus.Disputed }, "objected", j.Actor, j.At, j.Reason, null,
                    j.OwnClaim ? "by the claim's creditor" : "by another creditor");
                break;
            case ClaimRuled u:
                Change(u.ClaimId, c => c with { Status = u.Status, ConfirmedFen = u.ConfirmedFen, Reason = u.Reason, CourtRuled = true }, "ruled",
                    u.Actor, u.At, u.Reason, u.ConfirmedFen, u.RulingReference);
                break;
            case ClaimWithdrawn w:
                Change(w.ClaimId, c => c with { Status = ClaimStatus.Withdrawn }, "withdrawn", w.Actor, w.At, w.Reason, null);
                break;
            case ClaimEvidenceAttached a:
                Change(a.ClaimId, c => c with { Evidence = [.. c.Evidence, a.Evidence] }, "evidenceAttached", a.Actor, a.At, null, null,
                    $"{a.Evidence.MediaType}, {a.Evidence.SizeBytes} bytes, sha-256 {a.Evidence.Sha256}");
                break;
            case DistributionRecorded r:
                distributionRounds = r.Round;
                if (r.Reference is not null) distributionReferences.Add(r.Reference);
                finalDistributionPaid |= r.Final;
                break;
            case AccountAdded:
                hasAccount = true;
                break;
            case MeetingAdded m:
                meetings.Add(m.MeetingId);
                break;
            case CreditorInvited i:
                invited.Add(i.CreditorId);
                Join(i.CreditorId);
                break;
        }
    }

    private void Declared(ClaimDeclared d)
    {
        var c = d.Claim;
        var origin = c.Department is not null ? ClaimOrigin.Department
            : string.Equals(c.DeclaredBy, c.CreditorId, StringComparison.Ordinal) ? ClaimOrigin.Creditor
            : ClaimOrigin.Proxy;
        var claim = new ClaimView(d.ClaimId, Key, c.CreditorId, c.Class, c.PrincipalFen, c.InterestFen, c.OtherFen, c.SecuredFen, c.Collateral,
            ClaimStatus.Declared, null, null, c.DeclaredBy, d.At, null, null)
        {
            Origin = origin,
            Department = c.Department,
            Late = d.Late,
            JoinsDistributionRound = d.JoinsRound,
            InterestLines = c.InterestLines ?? [],
        };
        Add(claim, new ClaimHistoryEntry("declared", d.Actor, d.At, null, ClaimStatus.Declared, null, null, LateDetail(d.Late, d.JoinsRound)));
    }

    private void TaxDeclared(TaxClaimDeclared t)
    {
        if (t.Reference is { } reference)
            taxReferences[(t.Department, reference)] = string.Join(" and ", new[] { t.PriorityClaimId, t.OrdinaryClaimId }.OfType<string>());
        IReadOnlyList<TaxClaimLine> LinesRanked(TaxLineRank rank) => [.. t.Lines.Where((_, i) => t.Ranks[i] == rank)];
        ClaimView Part(string id, ClaimClass @class, long principal, long interest, long other, string? linked, TaxLineRank rank) =>
            new(id, Key, t.CreditorId, @class, principal, interest, other, 0, null, ClaimStatus.Declared, null, null, t.Actor, t.At, null, null)
            {
                Origin = ClaimOrigin.Department,
                Department = t.Department,
                Late = t.Late,
                JoinsDistributionRound = t.JoinsRound,
                LinkedClaimId = linked,
                TaxLines = LinesRanked(rank),
            };

        var detail = $"tax declaration{(t.Reference is null ? "" : $" {t.Reference}")}: priority {t.PriorityFen} fen, ordinary {t.OrdinaryFen} fen, subordinated fines {t.SubordinatedFen} fen"
            + (LateDetail(t.Late, t.JoinsRound) is { } late ? $"; {late}" : "");
        if (t.PriorityClaimId is { } p)
            Add(Part(p, ClaimClass.SocialInsuranceAndTax, t.PriorityFen, 0, 0, t.OrdinaryClaimId, TaxLineRank.Priority),
                new ClaimHistoryEntry("declared", t.Actor, t.At, null, ClaimStatus.Declared, null, null, detail));
        if (t.OrdinaryClaimId is { } o)
        {
            var interest = t.Lines.Where((l, i) => t.Ranks[i] == TaxLineRank.Ordinary && l.Kind == TaxLineKind.SpecialAdjustmentInterest).Sum(l => l.AmountFen);
            Add(Part(o, ClaimClass.Ordinary, 0, interest, t.OrdinaryFen - interest, t.PriorityClaimId, TaxLineRank.Ordinary),
                new ClaimHistoryEntry("declared", t.Actor, t.At, null, ClaimStatus.Declared, null, null, detail));
        }
    }

    private static string? LateDetail(bool late, int round) =>
        late ? $"declared late (EBL 56): shares in distributions from round {round} on" : null;

    private static string ActionName(ClaimStatus status) => status switch
    {
        ClaimStatus.Confirmed => "confirmed",
        ClaimStatus.PartiallyConfirmed => "partiallyConfirmed",
        _ => "rejected",
    };

    private void Add(ClaimView claim, ClaimHistoryEntry entry)
    {
        claims[claim.ClaimId] = WithAllowedActions(claim);
        claimOrder.Add(claim.ClaimId);
        Join(claim.CreditorId);
        histories[claim.ClaimId] = [entry];
    }

    private void Change(string claimId, Func<ClaimView, ClaimView> change, string action, string actor, DateTimeOffset at, string? reason,
        long? confirmedFen, string? detail = null)
    {
        var before = claims[claimId];
        var after = WithAllowedActions(change(before));
        claims[claimId] = after;
        histories[claimId].Add(new ClaimHistoryEntry(action, actor, at, before.Status, after.Status, reason, confirmedFen, detail));
    }

    private static ClaimView WithAllowedActions(ClaimView claim) => claim with
    {
        AllowedActions = [.. ClaimLifecycle.AllowedActions(claim.Status).Where(a => !(claim.CourtRuled && a == ClaimActionKind.Object))],
    };

    private static ClaimStatusNotice? NoticeFor(ClaimView claim, string @event, ClaimStatus status, long? confirmedFen, string? reason, string actor, DateTimeOffset at) =>
        claim.Department is null
            ? null
            : new ClaimStatusNotice(claim.Department, @event, claim.CaseId, claim.ClaimId, claim.LinkedClaimId, claim.Class, status, claim.DeclaredFen,
                confirmedFen, reason, actor, at);

    /// <summary>Whether a declaration made now is late, and the first distribution round it can share in (EBL 56).</summary>
    private (bool Late, int Round) Lateness(DateTimeOffset now)
    {
        var today = CourtCalendar.DayOf(now);
        var late = progress.DeclarationDeadline is { } deadline && today > deadline;
        return (late, distributionRounds + 1);
    }

    private string NextClaimId(int offset) => $"{Key}-C{claimOrder.Count + 1 + offset:D5}";

    /// <summary>A claim is news for the case's staff and for its own creditor, never for the other creditors.</summary>
    private ClaimView Published(string claimId)
    {
        var claim = claims[claimId];
        live.Publish(new LiveUpdate(LiveUpdate.CaseStaffGroup(Key), "claim", claimId, claim));
        live.Publish(new LiveUpdate(LiveUpdate.CreditorGroup(claim.CreditorId), "claim", claimId, claim));
        return claim;
    }

    public Task<CaseAccess?> GetAccess() =>
        Task.FromResult(opened is null ? null : new CaseAccess(Key, opened.Court, opened.JudgeId, opened.AdministratorId));

    public Task<PublicCaseView> GetPublic()
    {
        var o = RequireOpen();
        return Task.FromResult(new PublicCaseView(Key, o.CaseNumber, o.Court, o.DebtorName, o.Procedure, o.AcceptedOn, o.AdministratorId, [.. meetings]));
    }

    private void Join(string creditorId)
    {
        if (participants.Add(creditorId)) joined.Add(creditorId);
    }

    public Task<IReadOnlyList<CaseCreditor>> GetCreditors()
    {
        RequireOpen();
        var byCreditor = claims.Values.ToLookup(c => c.CreditorId, StringComparer.Ordinal);
        return Task.FromResult<IReadOnlyList<CaseCreditor>>(participants.Order(StringComparer.Ordinal).Select(id =>
        {
            var own = byCreditor[id].Where(c => c.Status != ClaimStatus.Withdrawn).ToList();
            return new CaseCreditor(id, invited.Contains(id), own.Count, own.Sum(c => c.DeclaredFen), own.Sum(c => c.ConfirmedFen ?? 0));
        }).ToList());
    }

    public Task<bool> IsParticipant(string creditorId) => Task.FromResult(participants.Contains(creditorId ?? ""));

    public async Task AddParticipant(string creditorId, string invitedBy)
    {
        RequireOpen();
        CaseRules.Require(creditorId, "creditorId", "the creditor");
        if (participants.Contains(creditorId)) return;
        await CommitAsync(new CreditorInvited(Key, invitedBy, clock.GetUtcNow(), creditorId));
    }

    private OpenCase RequireOpen() => opened ?? throw RuleViolationException.NotFound("caseId", $"There is no case {Key}.");

    private void RequireDeclarationsOpen()
    {
        if (finalDistributionPaid)
            throw RuleViolationException.Conflict("caseId", $"The final distribution of case {Key} has been paid; no claim can be declared any more (EBL 56).");
    }

    private ClaimView RequireClaim(string? claimId)
    {
        RequireOpen();
        return claims.TryGetValue(claimId ?? "", out var claim)
            ? claim
            : throw RuleViolationException.NotFound("claimId", $"Case {Key} has no claim {claimId}.");
    }

    private void RequireAdministrator(string? actorId, string field)
    {
        CaseRules.Require(actorId, field, "the administrator");
        if (!string.Equals(actorId, RequireOpen().AdministratorId, StringComparison.Ordinal))
            throw RuleViolationException.NotAllowed(field, $"Only the administrator appointed in case {Key} does this.");
    }

    private CaseView View()
    {
        var o = RequireOpen();
        return new CaseView(Key, o.CaseNumber, o.Court, o.DebtorName, o.DebtorCreditCode, o.Procedure, o.JudgeId, o.AdministratorId,
            o.AcceptedOn, claimOrder.Count, [.. meetings])
        {
            DeclarationDeadline = progress.DeclarationDeadline,
            DistributionRounds = distributionRounds,
            FinalDistributionPaid = finalDistributionPaid,
            HasAccount = hasAccount,
        };
    }
}
