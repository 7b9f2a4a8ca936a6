using System.Collections.Immutable;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Ledger;
using CaseGrains.Live;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

/// <summary>
/// A creditors' meeting. Ballots are checked in the grain's turn, committed in groups (one transaction for all that
/// arrive while the previous commit runs), counted into the tally only once committed, and acknowledged after that.
/// Watchers are told the committed tally; the tally is rebuilt from the stored facts on activation.
/// </summary>
/// <remarks>
/// Voting windows with a time open and close through one stored reminder set to the earliest time due. The reminder
/// is set before the fact that makes something due commits, and what is due is derived from the facts on every
/// activation, so a window closes and its voters hear the result even when the server was down at that time.
/// A ballot that arrives after its window's time is refused even if the close has not been recorded yet.
/// </remarks>
public sealed class MeetingGrain : Grain, IMeetingGrain
{
    /// <summary>The actor of steps taken at the agenda's times rather than by a person.</summary>
    public const string ScheduleActor = "schedule";

    private const string DueReminder = "due";

    private readonly IFactLog<MeetingFact> facts;
    private readonly IGrainReminders reminders;
    private readonly ILiveUpdates live;
    private readonly TimeProvider clock;
    private readonly GroupCommit<MeetingFact> ballots;
    private readonly Dictionary<string, ResolutionState> resolutions = new(StringComparer.Ordinal);
    private readonly HashSet<string> checkedIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> provisionalAmounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> waivedClaims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> shareholders = new(StringComparer.Ordinal);
    private readonly ProxyRegister proxies = new();
    private readonly MinutesBook minutes = new();
    private HashSet<string> members = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, TallyView> committedTallies = ImmutableDictionary<string, TallyView>.Empty;
    private ScheduleMeeting? meeting;
    private bool armedKnown;
    private DateTimeOffset? armed;

    private readonly bool commitEachBallot;

    public MeetingGrain(IGrainContext context, IFactLog<MeetingFact> facts, IGrainReminders reminders, ILiveUpdates live, TimeProvider clock,
        MeetingSettings? settings = null)
    {
        commitEachBallot = settings?.CommitEachBallot == true;
        this.facts = facts;
        this.reminders = reminders;
        this.live = live;
        this.clock = clock;
        ballots = new GroupCommit<MeetingFact>(context, facts, OnBallotsCommitted);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var logged in await facts.ReadLoggedAsync(cancellationToken)) Apply(logged.Fact, logged.LedgerPosition);
        foreach (var r in resolutions.Values)
            if (r.Current is { } round) committedTallies = committedTallies.SetItem(r.Id, round.Tally.View());
        if (meeting is not null && NextDue() is { } due && due <= clock.GetUtcNow()) Context.ScheduleTurn(ProcessDueAsync);
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken) => ballots.FlushAsync(cancellationToken);

    public async Task<MeetingView> Schedule(ScheduleMeeting command)
    {
        if (meeting is not null) throw RuleViolationException.Conflict("meetingId", $"Meeting {Key} is already scheduled.");
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        MeetingRules.Validate(command, now);
        await CaseAccessAsync(command.CaseId);
        var firstDue = command.Agenda.SelectMany(d => new[] { d.OpensAt, d.ClosesAt }).Min();
        if (firstDue is { } due) await ArmNoLaterThanAsync(due);
        await CommitAsync(new MeetingScheduled(command.CaseId, Key, command.ConvenedBy, now, command));
        await GrainFactory.Get<ICaseGrain>(command.CaseId).AddMeeting(Key);
        return View(showTallies: true);
    }

    public Task<MeetingView> Get() => Task.FromResult(View(showTallies: true));

    public Task<MeetingView> GetForCreditors() => Task.FromResult(View(showTallies: false));

    // Reads one reference, set once when the meeting is scheduled: safe beside a running turn.
    public Task<string?> GetCaseId() => Task.FromResult(meeting?.CaseId);

    public async Task CheckIn(string creditorId)
    {
        var m = RequireScheduled();
        if (checkedIn.Contains(creditorId ?? "")) return;
        if (!members.Contains(creditorId ?? ""))
        {
            members = [.. (await Claims(m)).Select(c => c.CreditorId), .. shareholders.Keys];
            if (!members.Contains(creditorId ?? ""))
                throw RuleViolationException.NotAllowed("creditorId", "Only creditors who declared a claim in this case attend its meetings (EBL 59).");
        }
        await CommitAsync(new CreditorCheckedIn(m.CaseId, Key, creditorId!, clock.GetUtcNow(), creditorId!));
        PublishMeeting();
    }

    public async Task SetProvisionalAmount(SetProvisionalAmount command)
    {
        var m = RequireScheduled();
        ArgumentNullException.ThrowIfNull(command);
        RequireSomeResolutionPending("claimId", "A provisional amount changes the rolls of resolutions still to open; every resolution has opened.");
        if (command.JudgeId != (await CaseAccessAsync(m.CaseId)).JudgeId)
            throw RuleViolationException.NotAllowed("judgeId", "Only the court sets a provisional amount (EBL 59(2)): the judge of this case.");
        var claim = await Claim(m, command.ClaimId);
        if (claim.Status is ClaimStatus.Confirmed or ClaimStatus.PartiallyConfirmed)
            throw RuleViolationException.Conflict("claimId", $"Claim {claim.ClaimId} is determined; it votes with its confirmed amount.");
        if (claim.Status is ClaimStatus.Rejected or ClaimStatus.Withdrawn)
            throw RuleViolationException.Conflict("claimId", $"Claim {claim.ClaimId} was {claim.Status.ToString().ToLowerInvariant()}; it has no vote.");
        if (command.AmountFen <= 0 || command.AmountFen > claim.DeclaredFen)
            throw RuleViolationException.Invalid("amountFen", $"A provisional amount lies between 1 fen and the declared {Fen.Format(claim.DeclaredFen)}.");
        if (command.Reference is { Length: > 200 }) throw RuleViolationException.Invalid("reference", "The reference is longer than 200 characters.");
        await CommitAsync(new ProvisionalAmountSet(m.CaseId, Key, command.JudgeId, clock.GetUtcNow(), claim.ClaimId, claim.CreditorId,
            command.AmountFen, command.Reference));
    }

    public async Task WaivePriority(WaivePriority command)
    {
        var m = RequireScheduled();
        ArgumentNullException.ThrowIfNull(command);
        RequireSomeResolutionPending("claimId", "A waiver changes the rolls of resolutions still to open; every resolution has opened.");
        var claim = await Claim(m, command.ClaimId);
        if (claim.CreditorId != command.CreditorId)
            throw RuleViolationException.NotAllowed("creditorId", $"Only the holder of claim {claim.ClaimId} can waive its priority.");
        if (claim.SecuredFen <= 0)
            throw RuleViolationException.Conflict("claimId", $"Claim {claim.ClaimId} is not secured; there is no priority to waive.");
        string? document = null;
        if (command.ActorId != command.CreditorId)
        {
            // Someone other than the creditor enters the waiver: only the administrator, and only on the creditor's signed document.
            document = MeetingRules.Sha256(command.DocumentSha256, "documentSha256");
            await RequireAdministratorAsync(m, command.ActorId, "actorId");
        }
        if (waivedClaims.Contains(claim.ClaimId)) return;
        await CommitAsync(new PriorityWaived(m.CaseId, Key, command.ActorId, clock.GetUtcNow(), claim.ClaimId, claim.CreditorId, document));
    }

    public async Task RegisterShareholder(RegisterShareholder command)
    {
        var m = RequireScheduled();
        ArgumentNullException.ThrowIfNull(command);
        CaseRules.Require(command.ShareholderId, "shareholderId", "the shareholder");
        if (!m.Agenda.Any(d => d.AdjustsEquity))
            throw RuleViolationException.Conflict("shareholderId",
                "Shareholders vote only on a reorganization plan that adjusts their equity (EBL 85(2)); no plan on this agenda does.");
        if (!m.Agenda.Any(d => d.AdjustsEquity && resolutions[d.ResolutionId].Status == ResolutionStatus.Pending))
            throw RuleViolationException.Conflict("shareholderId", "Voting on the plan has already opened with its roll.");
        if (command.EquityFen <= 0) throw RuleViolationException.Invalid("equityFen", "A shareholder's equity is a positive amount in fen.");
        await RequireAdministratorAsync(m, command.ActorId, "actorId");
        await CommitAsync(new ShareholderRegistered(m.CaseId, Key, command.ActorId, clock.GetUtcNow(), command.ShareholderId, command.EquityFen));
    }

    public async Task<ProxyView> RecordProxy(RecordProxy command)
    {
        var m = RequireScheduled();
        ArgumentNullException.ThrowIfNull(command);
        MeetingRules.Validate(command);
        var document = MeetingRules.Sha256(command.DocumentSha256, "documentSha256");
        if (command.ResolutionIds is { } scope)
            for (var i = 0; i < scope.Count; i++)
                if (!resolutions.ContainsKey(scope[i] ?? ""))
                    throw RuleViolationException.Invalid($"resolutionIds[{i}]", $"Meeting {Key} has no resolution {scope[i]}.");
        await RequireAdministratorAsync(m, command.RecordedBy, "recordedBy");
        var known = (await Claims(m)).Select(c => c.CreditorId).Concat(shareholders.Keys).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < command.PrincipalIds.Count; i++)
        {
            var principal = command.PrincipalIds[i];
            if (!known.Contains(principal))
                throw RuleViolationException.Invalid($"principalIds[{i}]", $"{principal} has declared no claim in this case and is no shareholder listed for this meeting.");
            if (proxies.RepresentativeOf(principal) is { } other && other != command.RepresentativeId)
                throw RuleViolationException.Conflict($"principalIds[{i}]", $"{principal} is already represented in this meeting by {other}.");
        }
        await CommitAsync(new ProxyRecorded(m.CaseId, Key, command.RecordedBy, clock.GetUtcNow(), command.RepresentativeId,
            [.. command.PrincipalIds], command.ResolutionIds is null ? null : [.. command.ResolutionIds], document));
        return proxies.Documents[^1];
    }

    public Task<IReadOnlyList<ProxyView>> GetProxies()
    {
        RequireScheduled();
        return Task.FromResult<IReadOnlyList<ProxyView>>([.. proxies.Documents]);
    }

    public async Task<ResolutionView> OpenVoting(string resolutionId, string actorId, DateTimeOffset? closesAt = null)
    {
        RequireScheduled();
        var resolution = Resolution(resolutionId);
        if (resolution.Status != ResolutionStatus.Pending)
            throw RuleViolationException.Conflict("resolutionId", $"Voting on {resolutionId} was already opened.");
        CaseRules.Require(actorId, "actorId", "who opens voting");
        await OpenAsync(resolution, actorId, closesAt ?? resolution.Draft.ClosesAt);
        return resolution.View(showTally: true);
    }

    public async Task<ResolutionView> OpenClassRevote(string resolutionId, VotingClass votingClass, string actorId, DateTimeOffset? closesAt = null)
    {
        var m = RequireScheduled();
        var resolution = Resolution(resolutionId);
        CaseRules.Require(actorId, "actorId", "who opens the further vote");
        if (resolution.Draft.Kind != ResolutionKind.ReorganizationPlan || m.Rules != VotingRuleSet.PrcEbl)
            throw RuleViolationException.Conflict("resolutionId", "Only a class that rejected a reorganization plan under the EBL votes again (EBL 87(1)).");
        if (resolution.Status != ResolutionStatus.Closed)
            throw RuleViolationException.Conflict("resolutionId", $"Voting on {resolutionId} has not closed.");
        if (!Enum.IsDefined(votingClass)) throw RuleViolationException.Invalid("votingClass", "Unknown voting class.");
        var outcome = resolution.Outcome!;
        var classOutcome = outcome.Classes.FirstOrDefault(c => c.Class == votingClass)
            ?? throw RuleViolationException.Conflict("votingClass", $"The {votingClass} class did not vote on this plan.");
        if (classOutcome.Accepted)
            throw RuleViolationException.Conflict("votingClass", $"The {votingClass} class accepted the plan; only a rejecting class votes again (EBL 87(1)).");
        if (classOutcome.IsRevote)
            throw RuleViolationException.Conflict("votingClass", $"The {votingClass} class has already voted again; it may do so only once (EBL 87(1)).");
        var now = clock.GetUtcNow();
        MeetingRules.ValidateCloseTime(closesAt, now);
        if (closesAt is { } closes) await ArmNoLaterThanAsync(closes);
        await CommitAsync(new RevoteOpened(m.CaseId, Key, actorId, now, resolutionId, resolution.Rounds.Count, votingClass, closesAt));
        PublishTally(resolution);
        PublishMeeting();
        return resolution.View(showTally: true);
    }

    public async Task<BallotAck> CastBallot(CastBallot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var (m, resolution, round) = RequireOpenRound(ballot.ResolutionId);
        if (!Enum.IsDefined(ballot.Choice))
            throw RuleViolationException.Invalid("choice", "A ballot is for, against or abstain.");
        var index = RequireVote(resolution, round, ballot.CreditorId, "creditorId");
        var fact = NewBallot(m, resolution, round, index, ballot.CreditorId, ballot.Choice, ballot.CreditorId, BallotChannel.Online, null);
        var committed = ballots.Add(fact);
        // The load tests' baseline only: this one ballot commits inside the turn, never grouped with others.
        if (commitEachBallot) await ballots.FlushAsync();
        var position = await (commitEachBallot ? committed : AfterTurn(committed));
        return Ack(fact, position);
    }

    public async Task<IReadOnlyList<BallotAck>> CastProxyBallots(ProxyBallots batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var (m, resolution, round) = RequireOpenRound(batch.ResolutionId);
        CaseRules.Require(batch.RepresentativeId, "representativeId", "the representative");
        if (batch.Ballots is null || batch.Ballots.Count == 0) throw RuleViolationException.Invalid("ballots", "A batch holds at least one ballot.");
        if (batch.Ballots.Count > MeetingRules.MaxBatch)
            throw RuleViolationException.Invalid("ballots", $"A batch holds at most {MeetingRules.MaxBatch:N0} ballots.");
        if (!proxies.Represents(batch.RepresentativeId))
            throw RuleViolationException.NotAllowed("representativeId", $"{batch.RepresentativeId} holds no power of attorney recorded in this meeting.");

        var indexes = new int[batch.Ballots.Count];
        var seen = new HashSet<string>(batch.Ballots.Count, StringComparer.Ordinal);
        for (var i = 0; i < batch.Ballots.Count; i++)
        {
            var ballot = batch.Ballots[i] ?? throw RuleViolationException.Invalid($"ballots[{i}]", "A ballot is missing.");
            if (!Enum.IsDefined(ballot.Choice)) throw RuleViolationException.Invalid($"ballots[{i}].choice", "A ballot is for, against or abstain.");
            CaseRules.Require(ballot.CreditorId, $"ballots[{i}].creditorId", "the principal");
            if (!seen.Add(ballot.CreditorId))
                throw RuleViolationException.Invalid($"ballots[{i}].creditorId", $"{ballot.CreditorId} has two ballots in this batch.");
            if (!proxies.Authorizes(batch.RepresentativeId, ballot.CreditorId, resolution.Id))
                throw RuleViolationException.NotAllowed($"ballots[{i}].creditorId",
                    $"{batch.RepresentativeId} holds no power of attorney from {ballot.CreditorId} for resolution {resolution.Id}.");
            indexes[i] = RequireVote(resolution, round, ballot.CreditorId, $"ballots[{i}].creditorId");
        }

        var cast = new BallotCast[batch.Ballots.Count];
        for (var i = 0; i < cast.Length; i++)
        {
            var ballot = batch.Ballots[i];
            cast[i] = NewBallot(m, resolution, round, indexes[i], ballot.CreditorId, ballot.Choice, batch.RepresentativeId, BallotChannel.Proxy, null);
        }
        var positions = await AfterTurn(ballots.AddRange(cast));
        var acks = new BallotAck[cast.Length];
        for (var i = 0; i < cast.Length; i++) acks[i] = Ack(cast[i], positions[i]);
        return acks;
    }

    public async Task<BallotAck> EnterPaperBallot(PaperBallot ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var (m, resolution, round) = RequireOpenRound(ballot.ResolutionId);
        if (!Enum.IsDefined(ballot.Choice)) throw RuleViolationException.Invalid("choice", "A ballot is for, against or abstain.");
        var scan = MeetingRules.Sha256(ballot.ScanSha256, "scanSha256");
        var index = RequireVote(resolution, round, ballot.CreditorId, "creditorId");
        await RequireAdministratorAsync(m, ballot.EnteredBy, "enteredBy");
        // Time passed while the case grain answered: the window may have closed meanwhile.
        (m, resolution, round) = RequireOpenRound(ballot.ResolutionId);
        var fact = NewBallot(m, resolution, round, index, ballot.CreditorId, ballot.Choice, ballot.EnteredBy, BallotChannel.Paper, scan);
        var position = await AfterTurn(ballots.Add(fact));
        return Ack(fact, position);
    }

    public async Task<ResolutionView> CloseVoting(string resolutionId, string actorId)
    {
        RequireScheduled();
        var resolution = Resolution(resolutionId);
        if (resolution.Status != ResolutionStatus.Open)
            throw RuleViolationException.Conflict("resolutionId", $"Voting on {resolutionId} is not open.");
        CaseRules.Require(actorId, "actorId", "who closes voting");
        await CloseAsync(resolution, actorId, onSchedule: false);
        return resolution.View(showTally: true);
    }

    public Task<TallyView> GetTally(string resolutionId) =>
        committedTallies.TryGetValue(resolutionId ?? "", out var tally)
            ? Task.FromResult(tally)
            : throw RuleViolationException.NotFound("resolutionId", $"No voting on {resolutionId} has opened in meeting {Key}.");

    public Task<OwnBallot> GetOwnBallot(string resolutionId, string creditorId)
    {
        RequireScheduled();
        var resolution = Resolution(resolutionId);
        if (resolution.Current is not { } round)
            throw RuleViolationException.NotFound("resolutionId", $"Voting on {resolutionId} has not opened.");
        if (!resolution.Roll!.TryIndexOf(creditorId ?? "", out var index) || !round.TryGetReceipt(index, out var receipt))
            throw RuleViolationException.NotFound("creditorId", $"{creditorId} has no ballot in round {round.Number} of {resolutionId}.");
        return Task.FromResult(new OwnBallot(Key, resolution.Id, creditorId!, round.Number, receipt.Choice, receipt.Number, receipt.At,
            receipt.Channel, receipt.CastBy,
            BallotCommitment.Of(Key, resolution.Id, creditorId!, receipt.Choice.ToString(), receipt.Number, receipt.Salt), receipt.Salt)
        {
            CaseId = RequireScheduled().CaseId,
            LedgerPosition = receipt.LedgerPosition,
        });
    }

    public Task<MeetingMinutes> GetMinutes()
    {
        var m = RequireScheduled();
        var items = m.Agenda.Select(d => resolutions[d.ResolutionId]).Select(r => new MinutesResolution(r.Id, r.Draft.Title, r.Draft.Kind, r.Status,
            [.. r.Rounds.Select(round => new MinutesRound(round.Number, round.RevoteOf, round.OpenedAt, round.OpenedBy, round.VotersOnRoll, round.ClosesAt, round.ClosedAt, round.ClosedBy, round.ClosedOnSchedule,
                round.Ballots, round.OnlineBallots, round.ProxyBallots, round.PaperBallots, round.Tally.VotesRecorded, round.ChangedVotes,
                round.FirstBallotAt, round.LastBallotAt, round.FinalTally, round.Outcome, round.NotifiedAt, round.VotersNotified))],
            r.Status == ResolutionStatus.Closed ? r.Outcome : null));
        return Task.FromResult(new MeetingMinutes(Key, m.CaseId, m.Title, m.StartsAt, m.Rules, m.Visibility, minutes.ConvenedBy, minutes.ScheduledAt,
            new MinutesAttendance(minutes.CheckedIn, minutes.FirstCheckInAt, minutes.LastCheckInAt), [.. items], [.. minutes.Entries], clock.GetUtcNow()));
    }

    public Task<IReadOnlyList<string>> GetProvisionalClaimIds()
    {
        RequireScheduled();
        return Task.FromResult<IReadOnlyList<string>>([.. provisionalAmounts.Keys]);
    }

    public Task ReceiveReminder(string name, DateTimeOffset due) => ProcessDueAsync();

    /// <summary>Opens, closes and notifies whatever the agenda's times have made due, then sets the reminder to the next time.</summary>
    private async Task ProcessDueAsync()
    {
        if (meeting is null)
        {
            await reminders.ClearAsync(DueReminder);
            return;
        }
        var now = clock.GetUtcNow();
        foreach (var draft in meeting.Agenda)
        {
            var resolution = resolutions[draft.ResolutionId];
            if (resolution.Status == ResolutionStatus.Pending && draft.OpensAt <= now && resolution.ScheduledOpenSkipped is null)
                await OpenOnScheduleAsync(resolution, now);
            if (resolution.Status == ResolutionStatus.Open && resolution.ClosesAt <= now)
                await CloseAsync(resolution, ScheduleActor, onSchedule: true);
            foreach (var round in resolution.Rounds)
                if (round.AwaitsNotice) await NotifyAsync(resolution, round);
        }
        await ArmAsync(NextDue());
    }

    private async Task OpenOnScheduleAsync(ResolutionState resolution, DateTimeOffset now)
    {
        string reason;
        if (resolution.Draft.ClosesAt is { } closes && closes <= now)
        {
            reason = "The voting window had already ended when it was due to open.";
        }
        else
        {
            try
            {
                await OpenAsync(resolution, ScheduleActor, resolution.Draft.ClosesAt);
                return;
            }
            catch (RuleViolationException e)
            {
                reason = e.Message;
            }
        }
        await CommitAsync(new ScheduledOpenSkipped(meeting!.CaseId, Key, ScheduleActor, clock.GetUtcNow(), resolution.Id, reason));
    }

    private async Task OpenAsync(ResolutionState resolution, string actorId, DateTimeOffset? closesAt)
    {
        var m = meeting!;
        var now = clock.GetUtcNow();
        MeetingRules.ValidateCloseTime(closesAt, now);
        var draft = resolution.Draft;
        var includeShareholders = draft.Kind == ResolutionKind.ReorganizationPlan && draft.AdjustsEquity;
        var roll = VotingRollBuilder.FromClaims(await Claims(m), new RollAdjustments(provisionalAmounts, waivedClaims,
            includeShareholders ? shareholders : new Dictionary<string, long>()));
        if (roll.Count == 0)
            throw RuleViolationException.Conflict("resolutionId", "No creditor has a claim that could vote yet.");
        // Checks the roll before anything is stored: a roll the engine refuses must not be recorded.
        VotingRoll.Create(roll, draft.SmallAmountThresholdFen);
        var same = resolutions.Values.FirstOrDefault(r => r.Roll is { } earlier && r.Draft.SmallAmountThresholdFen == draft.SmallAmountThresholdFen
            && VotingRollBuilder.SameVoters(earlier.Voters, roll));
        if (closesAt is { } closes) await ArmNoLaterThanAsync(closes);
        await CommitAsync(same is null
            ? new VotingOpened(m.CaseId, Key, actorId, now, resolution.Id, roll, closesAt, null, roll.Count)
            : new VotingOpened(m.CaseId, Key, actorId, now, resolution.Id, [], closesAt, same.RollSource, roll.Count));
        PublishTally(resolution);
        PublishMeeting();
        _ = LoadLedgerAsync(m.CaseId);
    }

    /// <summary>
    /// Loads the case's ledger as a vote opens, so that it follows the ballots from memory: otherwise the first
    /// checkpoint during the vote reads every ballot's row back from storage at once. Not awaited, because the vote is
    /// open already; a ledger that cannot load now loads on the first request instead.
    /// </summary>
    private async Task LoadLedgerAsync(string caseId)
    {
        try
        {
            await GrainFactory.Get<ILedgerGrain>(caseId).GetSize();
        }
        catch (Exception)
        {
            // Whatever it was (storage down, the node stopping), the first request for the ledger meets it again.
        }
    }

    private async Task CloseAsync(ResolutionState resolution, string actorId, bool onSchedule)
    {
        var m = meeting!;
        var now = clock.GetUtcNow();
        // The voters must hear the result even if the server stops right after the close commits.
        await ArmNoLaterThanAsync(now);
        await ballots.FlushAsync();
        var round = resolution.Current!;
        var roundOutcome = round.Tally.Evaluate();
        var outcome = round.Number == 0 ? roundOutcome : ReorganizationRevote.Combine(resolution.Outcome!, roundOutcome);
        await CommitAsync(new VotingClosed(m.CaseId, Key, actorId, now, resolution.Id, outcome, round.Number,
            round.Number == 0 ? null : roundOutcome, onSchedule));
        PublishTally(resolution);
        PublishMeeting();
        await NotifyAsync(resolution, round);
        await TellCaseAsync(m.CaseId, new MeetingVoteClosed(Key, resolution.Id, resolution.Draft.Kind, outcome.Passed,
            resolutions.Values.All(r => r.Status == ResolutionStatus.Closed), actorId));
        // After the notice and the progress it settles, so that the checkpoint of a closed vote covers the whole close.
        await PublishLedgerCheckpointAsync(m.CaseId);
        await ArmAsync(NextDue());
    }

    /// <summary>
    /// A closed vote gets a signed checkpoint at once, so every voter's receipt can be checked against it. The result
    /// is already committed, so a ledger that refuses to sign (its stored rows were damaged) or is busy is not a reason
    /// to report the close as failed: the checkpoint scheduler tries again and logs the refusal.
    /// </summary>
    private async Task PublishLedgerCheckpointAsync(string caseId)
    {
        try
        {
            await GrainFactory.Get<ILedgerGrain>(caseId).PublishCheckpoint();
        }
        catch (Exception e) when (e is RuleViolationException or GrainCallTimeoutException)
        {
        }
    }

    /// <summary>
    /// Tells the case that a vote closed, so that the steps it settles (the first meeting, an adopted plan) complete.
    /// The close is committed already; if the case cannot record it now, the administrator completes those steps.
    /// </summary>
    private async Task TellCaseAsync(string caseId, MeetingVoteClosed notice)
    {
        try
        {
            await GrainFactory.Get<ICaseGrain>(caseId).RecordVoteClosed(notice);
        }
        catch (Exception e) when (e is RuleViolationException or GrainCallTimeoutException or InconsistentStateException)
        {
        }
    }

    /// <summary>Sends every voter of a closed round its result with its own ballot, then records that it did.</summary>
    private async Task NotifyAsync(ResolutionState resolution, VotingRound round)
    {
        var m = meeting!;
        var roll = resolution.Roll!;
        var outcome = round.Outcome!;
        var notified = 0;
        for (var i = 0; i < roll.Count; i++)
        {
            if (!round.TryGetReceipt(i, out var receipt)) continue;
            var creditorId = roll.VoterAt(i).CreditorId;
            var notice = new ResultNotice(Key, resolution.Id, resolution.Draft.Title, round.Number, round.RevoteOf, outcome.Passed, outcome.Explanation,
                receipt.Choice, receipt.Number, round.ClosedAt!.Value);
            live.Publish(new LiveUpdate(LiveUpdate.CreditorGroup(creditorId), "result", $"{Key}/{resolution.Id}/{round.Number}", notice));
            notified++;
        }
        await CommitAsync(new ResultNotified(m.CaseId, Key, ScheduleActor, clock.GetUtcNow(), resolution.Id, round.Number, notified));
    }

    /// <summary>The earliest time something on the agenda falls due: an opening, a closing, or (now) a result to send.</summary>
    private DateTimeOffset? NextDue()
    {
        DateTimeOffset? next = null;
        foreach (var resolution in resolutions.Values)
        {
            if (resolution.Status == ResolutionStatus.Pending && resolution.ScheduledOpenSkipped is null) next = Earliest(next, resolution.Draft.OpensAt);
            if (resolution.Status == ResolutionStatus.Open) next = Earliest(next, resolution.ClosesAt);
            // Each round's own close: a round that still owes its notice may sit under a class's further vote that is open.
            foreach (var round in resolution.Rounds)
                if (round.AwaitsNotice) next = Earliest(next, round.ClosedAt);
        }
        return next;
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    /// <summary>Makes sure the reminder fires no later than <paramref name="due"/>; called before the fact that makes it due commits.</summary>
    private async Task ArmNoLaterThanAsync(DateTimeOffset due)
    {
        if (armedKnown && armed is { } current && current <= due) return;
        await reminders.SetAsync(DueReminder, due);
        armed = due;
        armedKnown = true;
    }

    private async Task ArmAsync(DateTimeOffset? next)
    {
        if (armedKnown && armed == next) return;
        if (next is { } due) await reminders.SetAsync(DueReminder, due);
        else await reminders.ClearAsync(DueReminder);
        armed = next;
        armedKnown = true;
    }

    private (ScheduleMeeting Meeting, ResolutionState Resolution, VotingRound Round) RequireOpenRound(string? resolutionId)
    {
        var m = RequireScheduled();
        var resolution = Resolution(resolutionId);
        if (resolution.Status != ResolutionStatus.Open)
            throw RuleViolationException.Conflict("resolutionId", resolution.Status == ResolutionStatus.Closed
                ? $"Voting on {resolutionId} has closed."
                : $"Voting on {resolutionId} has not opened.");
        if (resolution.ClosesAt is { } closes && closes <= clock.GetUtcNow())
        {
            Context.ScheduleTurn(ProcessDueAsync);
            throw RuleViolationException.Conflict("resolutionId", $"Voting on {resolutionId} closed at {closes:O}.");
        }
        return (m, resolution, resolution.Current!);
    }

    /// <summary>The voter's place on the roll; refuses one without a vote in this round, saying why.</summary>
    private static int RequireVote(ResolutionState resolution, VotingRound round, string? creditorId, string field)
    {
        if (creditorId is not null && round.Tally.CanVote(creditorId) && resolution.Roll!.TryIndexOf(creditorId, out var index)) return index;
        var eligibility = round.Tally.Eligibility(creditorId ?? "");
        throw RuleViolationException.NotAllowed(field, eligibility.Reason ?? "This creditor cannot vote on this resolution.");
    }

    private BallotCast NewBallot(ScheduleMeeting m, ResolutionState resolution, VotingRound round, int index, string creditorId, VoteChoice choice,
        string castBy, BallotChannel channel, string? scanSha256)
    {
        var number = ++resolution.AssignedNumbers[index];
        return new BallotCast(m.CaseId, Key, castBy, clock.GetUtcNow(), resolution.Id, creditorId, choice, number, BallotCommitment.NewSalt(),
            round.Number, channel, scanSha256);
    }

    private BallotAck Ack(BallotCast fact, long position) =>
        new(Key, fact.ResolutionId, fact.CreditorId, fact.Choice, fact.BallotNumber, position, fact.At, fact.Commitment, fact.Salt,
            fact.Round, fact.Channel, fact.Actor);

    private async Task<IReadOnlyList<ClaimView>> Claims(ScheduleMeeting m) => await GrainFactory.Get<ICaseGrain>(m.CaseId).GetClaims();

    private async Task<ClaimView> Claim(ScheduleMeeting m, string? claimId)
    {
        CaseRules.Require(claimId, "claimId", "the claim");
        return (await Claims(m)).FirstOrDefault(c => c.ClaimId == claimId)
            ?? throw RuleViolationException.NotFound("claimId", $"Case {m.CaseId} has no claim {claimId}.");
    }

    private async Task RequireAdministratorAsync(ScheduleMeeting m, string? actorId, string field)
    {
        CaseRules.Require(actorId, field, "who does this");
        if (actorId != (await CaseAccessAsync(m.CaseId)).AdministratorId)
            throw RuleViolationException.NotAllowed(field, $"Only the administrator of case {m.CaseId} does this.");
    }

    /// <summary>Who acts in the case: the small record the access checks need, not the whole case view.</summary>
    private async Task<CaseAccess> CaseAccessAsync(string caseId) =>
        await GrainFactory.Get<ICaseGrain>(caseId).GetAccess() ?? throw RuleViolationException.NotFound("caseId", $"There is no case {caseId}.");

    private void RequireSomeResolutionPending(string field, string reason)
    {
        if (!resolutions.Values.Any(r => r.Status == ResolutionStatus.Pending)) throw RuleViolationException.Conflict(field, reason);
    }

    private void OnBallotsCommitted(IReadOnlyList<MeetingFact> committed, IReadOnlyList<long> positions)
    {
        var touched = new HashSet<ResolutionState>();
        for (var i = 0; i < committed.Count; i++)
        {
            Apply(committed[i], positions[i]);
            if (committed[i] is BallotCast b) touched.Add(resolutions[b.ResolutionId]);
        }
        foreach (var resolution in touched) PublishTally(resolution);
    }

    private async Task CommitAsync(MeetingFact fact)
    {
        // One transaction at a time on the log: ballots accepted before this fact commit (and apply) first.
        await ballots.FlushAsync();
        await facts.AppendAsync([fact]);
        Apply(fact);
    }

    private void Apply(MeetingFact fact, long ledgerPosition = -1)
    {
        switch (fact)
        {
            case MeetingScheduled s:
                meeting = s.Meeting;
                foreach (var draft in s.Meeting.Agenda) resolutions[draft.ResolutionId] = new ResolutionState(draft);
                break;
            case CreditorCheckedIn c:
                checkedIn.Add(c.CreditorId);
                members.Add(c.CreditorId);
                foreach (var r in resolutions.Values)
                    if (r.Status == ResolutionStatus.Open && r.Roll!.Contains(c.CreditorId)) r.Current!.Tally.MarkPresent(c.CreditorId);
                break;
            case ProvisionalAmountSet p:
                provisionalAmounts[p.ClaimId] = p.AmountFen;
                break;
            case PriorityWaived w:
                waivedClaims.Add(w.ClaimId);
                break;
            case ShareholderRegistered h:
                shareholders[h.ShareholderId] = h.EquityFen;
                members.Add(h.ShareholderId);
                break;
            case ProxyRecorded x:
                proxies.Apply(x);
                break;
            case VotingOpened o:
                var opened = resolutions[o.ResolutionId];
                var roll = o.SameRollAs is { } source
                    ? resolutions[source].Roll!
                    : VotingRoll.Create(o.Roll, opened.Draft.SmallAmountThresholdFen);
                opened.RollSource = o.SameRollAs ?? o.ResolutionId;
                opened.Open(roll, new VotingRound(0, null, new Tally(roll, opened.Draft.Kind, meeting!.Rules), roll, o.At, o.Actor, o.ClosesAt));
                MarkCheckedInPresent(opened);
                break;
            case RevoteOpened v:
                var revoting = resolutions[v.ResolutionId];
                revoting.OpenRound(new VotingRound(v.Round, v.Class, Tally.ForClassRevote(revoting.Roll!, meeting!.Rules, v.Class), revoting.Roll!,
                    v.At, v.Actor, v.ClosesAt));
                MarkCheckedInPresent(revoting);
                break;
            case ScheduledOpenSkipped k:
                resolutions[k.ResolutionId].ScheduledOpenSkipped = k.Reason;
                break;
            case BallotCast b:
                var voted = resolutions[b.ResolutionId];
                if (!voted.Roll!.TryIndexOf(b.CreditorId, out var index))
                    throw new InvalidDataException($"Meeting {Key}: a stored ballot of {b.CreditorId} is for no one on the roll of {b.ResolutionId}.");
                voted.Rounds[b.Round].Record(index, b, ledgerPosition);
                if (voted.AssignedNumbers[index] < b.BallotNumber) voted.AssignedNumbers[index] = b.BallotNumber;
                break;
            case VotingClosed c:
                var closed = resolutions[c.ResolutionId];
                closed.Status = ResolutionStatus.Closed;
                closed.Outcome = c.Outcome;
                closed.Rounds[c.Round].Close(c.At, c.Actor, c.OnSchedule, c.RoundOutcome ?? c.Outcome);
                break;
            case ResultNotified n:
                resolutions[n.ResolutionId].Rounds[n.Round].Notified(n.At, n.VotersNotified);
                break;
        }
        minutes.Record(fact);
    }

    private void MarkCheckedInPresent(ResolutionState resolution)
    {
        var tally = resolution.Current!.Tally;
        foreach (var creditor in checkedIn)
            if (resolution.Roll!.Contains(creditor)) tally.MarkPresent(creditor);
    }

    private void PublishTally(ResolutionState resolution)
    {
        var view = resolution.Current!.Tally.View();
        committedTallies = committedTallies.SetItem(resolution.Id, view);
        var update = new TallyUpdate(Key, resolution.Id, view);
        live.Publish(new LiveUpdate(LiveUpdate.MeetingStaffGroup(Key), "tally", update.ResolutionId, update));
        if (meeting!.Visibility == TallyVisibility.Live || resolution.Status == ResolutionStatus.Closed)
            live.Publish(new LiveUpdate(LiveUpdate.MeetingGroup(Key), "tally", update.ResolutionId, update));
    }

    private void PublishMeeting()
    {
        live.Publish(new LiveUpdate(LiveUpdate.MeetingStaffGroup(Key), "meeting", Key, View(showTallies: true)));
        live.Publish(new LiveUpdate(LiveUpdate.MeetingGroup(Key), "meeting", Key, View(showTallies: false)));
    }

    private ScheduleMeeting RequireScheduled() =>
        meeting ?? throw RuleViolationException.NotFound("meetingId", $"There is no meeting {Key}.");

    private ResolutionState Resolution(string? resolutionId) =>
        resolutions.TryGetValue(resolutionId ?? "", out var r)
            ? r
            : throw RuleViolationException.NotFound("resolutionId", $"Meeting {Key} has no resolution {resolutionId}.");

    private MeetingView View(bool showTallies)
    {
        var m = RequireScheduled();
        var showOpen = showTallies || m.Visibility == TallyVisibility.Live;
        return new MeetingView(Key, m.CaseId, m.Title, m.StartsAt, m.Rules, m.Visibility, checkedIn.Count,
            [.. m.Agenda.Select(d => resolutions[d.ResolutionId]).Select(r => r.View(showOpen || r.Status == ResolutionStatus.Closed))]);
    }
}
