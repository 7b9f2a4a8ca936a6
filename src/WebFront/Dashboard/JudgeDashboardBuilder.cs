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
        var now = clock.GetUtcNow();
        var today = CourtCalendar.DayOf(now);
        return new JudgeDashboard(court, today, [.. cases.OrderBy(c => c.CaseNumber, StringComparer.Ordinal).ThenBy(c => c.CaseId, StringComparer.Ordinal)],
            (long)Math.Ceiling((CourtCalendar.StartOf(today.AddDays(1)) - now).TotalMilliseconds));
    }

    /// <summary>Reads the case, its progress, its claims and each of its meetings once; the waiting-item sources share what was read.</summary>
    private async Task<DashboardCase> CaseAsync(string caseId)
    {
        var grain = grains.Get<ICaseGrain>(caseId);
        var view = await grain.Get();
        var progress = await grain.GetProgress();
        var claims = await grain.GetClaims();
        var allMeetings = await Task.WhenAll(view.MeetingIds.Select(id => grains.Get<IMeetingGrain>(id).Get()));
        var facts = new DashboardCaseFacts(view, claims, allMeetings);
        var waiting = new List<WaitingItem>();
        foreach (var source in sources) waiting.AddRange(await source.WaitingInAsync(facts));
        return new DashboardCase(view.CaseId, view.CaseNumber, view.DebtorName, view.Procedure, view.AcceptedOn, view.AdministratorId,
            progress.Nodes.FirstOrDefault(n => n.Node == progress.Current), [.. progress.Nodes.Where(n => n.Overdue)],
            [.. allMeetings.Where(m => m.Resolutions.Any(r => r.Status != ResolutionStatus.Closed))], [.. waiting.OrderBy(w => w.Since)]);
    }
}
