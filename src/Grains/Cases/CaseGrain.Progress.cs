using CaseGrains.Cases.Progress;
using CaseGrains.Live;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>
/// The case's progress (流程节点): the administrator completes steps, the judge sets due dates, and closed votes and
/// the final distribution complete the steps they settle. Each of these is a case fact with its ledger entry; every
/// change is published to the case's group as "progress" after it committed.
/// </summary>
public sealed partial class CaseGrain
{
    private readonly CaseProgress progress = new();

    public Task<CaseProgressView> GetProgress()
    {
        RequireOpen();
        return Task.FromResult(progress.View(Key, CourtCalendar.Today(clock)));
    }

    public async Task<CaseProgressView> CompleteNode(CompleteNode command)
    {
        ArgumentNullException.ThrowIfNull(command);
        RequireOpen();
        RequireAdministrator(command.AdministratorId, "administratorId");
        var now = clock.GetUtcNow();
        progress.CheckCompletion(command, CourtCalendar.DayOf(now));
        await CommitAsync(new ProgressNodeCompleted(Key, command.AdministratorId, now, command.Node, command.Note!.Trim(), Automatic: false));
        return PublishProgress();
    }

    public async Task<CaseProgressView> SetNodeDueDate(SetNodeDueDate command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var o = RequireOpen();
        CaseRules.Require(command.JudgeId, "judgeId", "the judge");
        if (!string.Equals(command.JudgeId, o.JudgeId, StringComparison.Ordinal))
            throw RuleViolationException.NotAllowed("judgeId", $"Only the case's judge sets the due dates of case {Key}.");
        var now = clock.GetUtcNow();
        progress.CheckDueDate(command, CourtCalendar.DayOf(now));
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        await CommitAsync(new NodeDueDateSet(Key, command.JudgeId, now, command.Node, command.DueOn, reason));
        return PublishProgress();
    }

    public async Task RecordVoteClosed(MeetingVoteClosed notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        RequireOpen();
        if (!meetings.Contains(notice.MeetingId))
            throw RuleViolationException.NotFound("meetingId", $"Case {Key} has no meeting {notice.MeetingId}.");
        var now = clock.GetUtcNow();
        var settled = progress.SettledBy(notice, CourtCalendar.DayOf(now));
        if (settled.Count == 0) return;
        await CommitAllAsync([.. settled.Select(node => new ProgressNodeCompleted(Key, notice.Actor, now, node, node == CaseNode.FirstMeeting
            ? $"Meeting {notice.MeetingId}: every resolution on its agenda was voted on."
            : $"Meeting {notice.MeetingId} adopted resolution {notice.ResolutionId}.", Automatic: true))]);
        PublishProgress();
    }

    /// <summary>The final distribution completes the distribution step of a liquidation (EBL 116, 120).</summary>
    private IEnumerable<CaseFact> ProgressSettledBy(DistributionRecorded recorded)
    {
        if (recorded.Final && progress.SettledByFinalDistribution(CourtCalendar.DayOf(recorded.At)))
            yield return new ProgressNodeCompleted(Key, recorded.Actor, recorded.At, CaseNode.DistributionExecuted,
                $"Final distribution (round {recorded.Round}) recorded.", Automatic: true);
    }

    /// <summary>Commits a fact with the progress it settles in one transaction, and tells watchers of the progress.</summary>
    private async Task CommitWithProgressAsync(CaseFact fact, IEnumerable<CaseFact> settled)
    {
        List<CaseFact> all = [fact, .. settled];
        await CommitAllAsync(all);
        if (all.Count > 1) PublishProgress();
    }

    private CaseProgressView PublishProgress()
    {
        var view = progress.View(Key, CourtCalendar.Today(clock));
        live.Publish(new LiveUpdate(LiveUpdate.CaseGroup(Key), "progress", Key, view));
        return view;
    }
}
