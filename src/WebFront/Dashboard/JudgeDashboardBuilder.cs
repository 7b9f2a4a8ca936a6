using CaseGrains.Cases;
using CaseGrains.Meetings;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>Puts a court's dashboard together from its case directory, each case's progress and meetings, and every waiting-item source.</summary>
public sealed class JudgeDashboardBuilder(IGrainFactory grains, IEnumerable<IWaitingItemSource> sources, TimeProvider clock)
{
    public async Task<JudgeDashboard> BuildAsync(string court)
    {
        var ids = await grains.Get<ICaseDirectoryGrain>(CaseDirectoryKeys.ForCourt(court)).List();
        var cases = await Task.WhenAll(ids.Select(CaseAsync));
        return new JudgeDashboard(court, CourtCalendar.Today(clock), [.. cases.OrderBy(c => c.CaseNumber, StringComparer.Ordinal).ThenBy(c => c.CaseId, StringComparer.Ordinal)]);
    }

    private async Task<DashboardCase> CaseAsync(string caseId)
    {
        var grain = grains.Get<ICaseGrain>(caseId);
        var view = await grain.Get();
        var progress = await grain.GetProgress();
        var meetings = new List<MeetingView>();
        foreach (var meetingId in view.MeetingIds)
        {
            var meeting = await grains.Get<IMeetingGrain>(meetingId).Get();
            if (meeting.Resolutions.Any(r => r.Status != ResolutionStatus.Closed)) meetings.Add(meeting);
        }
        var waiting = new List<WaitingItem>();
        foreach (var source in sources) waiting.AddRange(await source.WaitingInAsync(view));
        return new DashboardCase(view.CaseId, view.CaseNumber, view.DebtorName, view.Procedure, view.AcceptedOn, view.AdministratorId,
            progress.Nodes.FirstOrDefault(n => n.Node == progress.Current), [.. progress.Nodes.Where(n => n.Overdue)], meetings,
            [.. waiting.OrderBy(w => w.Since)]);
    }
}
