using CaseGrains.Claims;
using CaseGrains.Live;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>
/// A case and its claims, rebuilt on activation from the case's facts. Every change is a fact that is committed
/// (with its ledger entry) before the caller hears of it and before watchers are told.
/// </summary>
public sealed class CaseGrain(IFactLog<CaseFact> facts, ILiveUpdates live, TimeProvider clock) : Grain, ICaseGrain
{
    private readonly Dictionary<string, ClaimView> claims = [];
    private readonly List<string> meetings = [];
    private readonly HashSet<string> participants = new(StringComparer.Ordinal);
    private OpenCase? opened;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var fact in await facts.ReadAllAsync(cancellationToken)) Apply(fact);
    }

    public async Task<CaseView> Open(OpenCase command)
    {
        if (opened is not null) throw RuleViolationException.Conflict("caseId", $"Case {Key} is already open.");
        CaseRules.Validate(command);
        await CommitAsync(new CaseOpened(Key, command.JudgeId, clock.GetUtcNow(), command));
        await GrainFactory.Get<ICaseDirectoryGrain>(CaseDirectoryKeys.ForCourt(command.Court)).Add(Key);
        await GrainFactory.Get<ICaseDirectoryGrain>(CaseDirectoryKeys.ForAdministrator(command.AdministratorId)).Add(Key);
        return View();
    }

    public Task<CaseView> Get() => Task.FromResult(View());

    public async Task<ClaimView> DeclareClaim(DeclareClaim command)
    {
        RequireOpen();
        ClaimRules.ValidateDeclaration(command);
        var claimId = $"{Key}-C{claims.Count + 1:D5}";
        await CommitAsync(new ClaimDeclared(Key, command.DeclaredBy, clock.GetUtcNow(), claimId, command));
        var claim = claims[claimId];
        PublishClaim(claim);
        return claim;
    }

    public async Task<ClaimView> ReviewClaim(ReviewClaim command)
    {
        RequireOpen();
        if (!claims.TryGetValue(command.ClaimId ?? "", out var claim))
            throw RuleViolationException.NotFound("claimId", $"Case {Key} has no claim {command.ClaimId}.");
        command = ClaimRules.ValidateReview(claim, command);
        await CommitAsync(new ClaimReviewed(Key, command.ReviewerId, clock.GetUtcNow(), command));
        var reviewed = claims[claim.ClaimId];
        PublishClaim(reviewed);
        return reviewed;
    }

    public Task<IReadOnlyList<ClaimView>> GetClaims() => Task.FromResult<IReadOnlyList<ClaimView>>([.. claims.Values]);

    public async Task AddMeeting(string meetingId)
    {
        RequireOpen();
        if (meetings.Contains(meetingId)) return;
        await CommitAsync(new MeetingAdded(Key, opened!.AdministratorId, clock.GetUtcNow(), meetingId));
    }

    /// <summary>A claim is news for the case's staff and for its own creditor, never for the other creditors.</summary>
    private void PublishClaim(ClaimView claim)
    {
        live.Publish(new LiveUpdate(LiveUpdate.CaseStaffGroup(Key), "claim", claim.ClaimId, claim));
        live.Publish(new LiveUpdate(LiveUpdate.CreditorGroup(claim.CreditorId), "claim", claim.ClaimId, claim));
    }

    private async Task CommitAsync(CaseFact fact)
    {
        await facts.AppendAsync([fact]);
        Apply(fact);
    }

    private void Apply(CaseFact fact)
    {
        switch (fact)
        {
            case CaseOpened o:
                opened = o.Case;
                break;
            case ClaimDeclared d:
                var c = d.Claim;
                participants.Add(c.CreditorId);
                claims[d.ClaimId] = new ClaimView(d.ClaimId, Key, c.CreditorId, c.Class, c.PrincipalFen, c.InterestFen, c.OtherFen,
                    c.SecuredFen, c.Collateral, ClaimStatus.Declared, null, null, c.DeclaredBy, d.At, null, null);
                break;
            case ClaimReviewed r:
                var before = claims[r.Review.ClaimId];
                claims[r.Review.ClaimId] = before with
                {
                    Status = r.Review.Decision switch
                    {
                        ClaimDecision.Confirm => ClaimStatus.Confirmed,
                        ClaimDecision.PartiallyConfirm => ClaimStatus.PartiallyConfirmed,
                        _ => ClaimStatus.Rejected,
                    },
                    ConfirmedFen = r.Review.Decision == ClaimDecision.Reject ? 0 : r.Review.ConfirmedFen,
                    Reason = r.Review.Reason,
                    ReviewedBy = r.Review.ReviewerId,
                    ReviewedAt = r.At,
                };
                break;
            case MeetingAdded m:
                meetings.Add(m.MeetingId);
                break;
            case CreditorInvited i:
                participants.Add(i.CreditorId);
                break;
        }
    }

    public Task<CaseAccess?> GetAccess() =>
        Task.FromResult(opened is null ? null : new CaseAccess(Key, opened.Court, opened.JudgeId, opened.AdministratorId));

    public Task<PublicCaseView> GetPublic()
    {
        RequireOpen();
        var o = opened!;
        return Task.FromResult(new PublicCaseView(Key, o.CaseNumber, o.Court, o.DebtorName, o.Procedure, o.AcceptedOn, o.AdministratorId, [.. meetings]));
    }

    public Task<bool> IsParticipant(string creditorId) =>
        Task.FromResult(participants.Contains(creditorId ?? ""));

    public async Task AddParticipant(string creditorId, string invitedBy)
    {
        RequireOpen();
        CaseRules.Require(creditorId, "creditorId", "the creditor");
        if (participants.Contains(creditorId)) return;
        await CommitAsync(new CreditorInvited(Key, invitedBy, clock.GetUtcNow(), creditorId));
    }

    private void RequireOpen()
    {
        if (opened is null) throw RuleViolationException.NotFound("caseId", $"There is no case {Key}.");
    }

    private CaseView View()
    {
        RequireOpen();
        var o = opened!;
        return new CaseView(Key, o.CaseNumber, o.Court, o.DebtorName, o.DebtorCreditCode, o.Procedure, o.JudgeId, o.AdministratorId,
            o.AcceptedOn, claims.Count, [.. meetings]);
    }
}
