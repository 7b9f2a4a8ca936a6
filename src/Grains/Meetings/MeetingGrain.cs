using System.Collections.Immutable;
using CaseGrains.Cases;
using CaseGrains.Live;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

/// <summary>
/// A creditors' meeting. Ballots are checked in the grain's turn, committed in groups (one transaction for all that
/// arrive while the previous commit runs), counted into the tally only once committed, and acknowledged after that.
/// Watchers are told the committed tally; the tally is rebuilt from the stored facts on activation.
/// </summary>
public sealed class MeetingGrain : Grain, IMeetingGrain
{
    private readonly IFactLog<MeetingFact> facts;
    private readonly ILiveUpdates live;
    private readonly TimeProvider clock;
    private readonly GroupCommit<MeetingFact> ballots;
    private readonly Dictionary<string, ResolutionState> resolutions = new(StringComparer.Ordinal);
    private readonly HashSet<string> checkedIn = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Resolution, string Creditor), long> ballotNumbers = [];
    private HashSet<string> members = new(StringComparer.Ordinal);
    private ImmutableDictionary<string, TallyView> committedTallies = ImmutableDictionary<string, TallyView>.Empty;
    private ScheduleMeeting? meeting;
    private readonly bool commitEachBallot;

    public MeetingGrain(IGrainContext context, IFactLog<MeetingFact> facts, ILiveUpdates live, TimeProvider clock, MeetingSettings? settings = null)
    {
        commitEachBallot = settings?.CommitEachBallot == true;
        this.facts = facts;
        this.live = live;
        this.clock = clock;
        ballots = new GroupCommit<MeetingFact>(context, facts, OnBallotsCommitted);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var fact in await facts.ReadAllAsync(cancellationToken)) Apply(fact);
        foreach (var r in resolutions.Values)
            if (r.Tally is not null) committedTallies = committedTallies.SetItem(r.Draft.ResolutionId, r.Tally.View());
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken) => ballots.FlushAsync(cancellationToken);

    public async Task<MeetingView> Schedule(ScheduleMeeting command)
    {
        if (meeting is not null) throw RuleViolationException.Conflict("meetingId", $"Meeting {Key} is already scheduled.");
        MeetingRules.Validate(command);
        var caseGrain = GrainFactory.Get<ICaseGrain>(command.CaseId);
        await caseGrain.Get();
        await CommitAsync(new MeetingScheduled(command.CaseId, Key, command.ConvenedBy, clock.GetUtcNow(), command));
        await caseGrain.AddMeeting(Key);
        return View(showTallies: true);
    }

    public Task<MeetingView> Get() => Task.FromResult(View(showTallies: true));

    public Task<MeetingView> GetForCreditors() => Task.FromResult(View(showTallies: false));

    public async Task CheckIn(string creditorId)
    {
        var m = RequireScheduled();
        if (checkedIn.Contains(creditorId ?? "")) return;
        if (!members.Contains(creditorId ?? ""))
        {
            members = [.. (await GrainFactory.Get<ICaseGrain>(m.CaseId).GetClaims()).Select(c => c.CreditorId)];
            if (!members.Contains(creditorId ?? ""))
                throw RuleViolationException.NotAllowed("creditorId", "Only creditors who declared a claim in this case attend its meetings (EBL 59).");
        }
        await CommitAsync(new CreditorCheckedIn(m.CaseId, Key, creditorId!, clock.GetUtcNow(), creditorId!));
        PublishMeeting();
    }

    public async Task<ResolutionView> OpenVoting(string resolutionId, string actorId)
    {
        var m = RequireScheduled();
        var resolution = Resolution(resolutionId);
        if (resolution.Status != ResolutionStatus.Pending)
            throw RuleViolationException.Conflict("resolutionId", $"Voting on {resolutionId} was already opened.");
        var roll = VotingRollBuilder.FromClaims(await GrainFactory.Get<ICaseGrain>(m.CaseId).GetClaims());
        if (roll.Count == 0)
            throw RuleViolationException.Conflict("resolutionId", "No creditor has a claim that could vote yet.");
        await CommitAsync(new VotingOpened(m.CaseId, Key, actorId, clock.GetUtcNow(), resolutionId, roll));
        PublishTally(resolution);
        PublishMeeting();
        return resolution.View(showTally: true);
    }

    public async Task<BallotAck> CastBallot(CastBallot ballot)
    {
        var m = RequireScheduled();
        var resolution = Resolution(ballot.ResolutionId);
        if (resolution.Status != ResolutionStatus.Open)
            throw RuleViolationException.Conflict("resolutionId", resolution.Status == ResolutionStatus.Closed
                ? $"Voting on {ballot.ResolutionId} has closed."
                : $"Voting on {ballot.ResolutionId} has not opened.");
        if (!Enum.IsDefined(ballot.Choice))
            throw RuleViolationException.Invalid("choice", "A ballot is for, against or abstain.");
        var eligibility = resolution.Tally!.Eligibility(ballot.CreditorId ?? "");
        if (!eligibility.CanVote)
            throw RuleViolationException.NotAllowed("creditorId", eligibility.Reason ?? "This creditor cannot vote on this resolution.");

        var key = (ballot.ResolutionId, ballot.CreditorId!);
        var number = ballotNumbers.GetValueOrDefault(key) + 1;
        ballotNumbers[key] = number;
        var fact = new BallotCast(m.CaseId, Key, ballot.CreditorId!, clock.GetUtcNow(), ballot.ResolutionId, ballot.CreditorId!,
            ballot.Choice, number, BallotCommitment.NewSalt());
        var committed = ballots.Add(fact);
        // The load tests' baseline only: this one ballot commits inside the turn, never grouped with others.
        if (commitEachBallot) await ballots.FlushAsync();
        var position = await (commitEachBallot ? committed : AfterTurn(committed));
        return new BallotAck(Key, fact.ResolutionId, fact.CreditorId, fact.Choice, number, position, fact.At, BallotCommitment.Of(fact), fact.Salt);
    }

    public async Task<ResolutionView> CloseVoting(string resolutionId, string actorId)
    {
        var m = RequireScheduled();
        var resolution = Resolution(resolutionId);
        if (resolution.Status != ResolutionStatus.Open)
            throw RuleViolationException.Conflict("resolutionId", $"Voting on {resolutionId} is not open.");
        await ballots.FlushAsync();
        await CommitAsync(new VotingClosed(m.CaseId, Key, actorId, clock.GetUtcNow(), resolutionId, resolution.Tally!.Evaluate()));
        PublishTally(resolution);
        PublishMeeting();
        return resolution.View(showTally: true);
    }

    public Task<TallyView> GetTally(string resolutionId) =>
        committedTallies.TryGetValue(resolutionId ?? "", out var tally)
            ? Task.FromResult(tally)
            : throw RuleViolationException.NotFound("resolutionId", $"No voting on {resolutionId} has opened in meeting {Key}.");

    private void OnBallotsCommitted(IReadOnlyList<MeetingFact> committed, IReadOnlyList<long> positions)
    {
        var touched = new HashSet<ResolutionState>();
        foreach (var fact in committed)
        {
            Apply(fact);
            if (fact is BallotCast b) touched.Add(resolutions[b.ResolutionId]);
        }
        foreach (var resolution in touched) PublishTally(resolution);
    }

    private async Task CommitAsync(MeetingFact fact)
    {
        await facts.AppendAsync([fact]);
        Apply(fact);
    }

    private void Apply(MeetingFact fact)
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
                    if (r.Status == ResolutionStatus.Open && r.Roll!.Contains(c.CreditorId)) r.Tally!.MarkPresent(c.CreditorId);
                break;
            case VotingOpened o:
                var opened = resolutions[o.ResolutionId];
                opened.Roll = VotingRoll.Create(o.Roll);
                opened.Tally = new Tally(opened.Roll, opened.Draft.Kind, meeting!.Rules);
                opened.Status = ResolutionStatus.Open;
                foreach (var creditor in checkedIn)
                    if (opened.Roll.Contains(creditor)) opened.Tally.MarkPresent(creditor);
                break;
            case BallotCast b:
                resolutions[b.ResolutionId].Tally!.Record(b.CreditorId, b.Choice);
                var key = (b.ResolutionId, b.CreditorId);
                if (ballotNumbers.GetValueOrDefault(key) < b.BallotNumber) ballotNumbers[key] = b.BallotNumber;
                break;
            case VotingClosed c:
                var closed = resolutions[c.ResolutionId];
                closed.Status = ResolutionStatus.Closed;
                closed.Outcome = c.Outcome;
                break;
        }
    }

    private void PublishTally(ResolutionState resolution)
    {
        var view = resolution.Tally!.View();
        committedTallies = committedTallies.SetItem(resolution.Draft.ResolutionId, view);
        var update = new TallyUpdate(Key, resolution.Draft.ResolutionId, view);
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
