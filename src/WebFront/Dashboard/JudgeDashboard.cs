using CaseGrains.Cases;
using CaseGrains.Meetings;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>Every case of a judge's court, as of the court's local day <paramref name="Today"/>.</summary>
/// <param name="NextDayInMilliseconds">
/// How long until the court's next day begins, by the server's clock: a page open over midnight reads the dashboard
/// again then, since steps fall overdue without any change to push. A duration, not an instant, so that the browser's
/// own clock does not matter.
/// </param>
public sealed record JudgeDashboard(string Court, DateOnly Today, IReadOnlyList<DashboardCase> Cases, long NextDayInMilliseconds);

/// <summary>One case on the judge's dashboard.</summary>
/// <param name="Stage">The first step not completed; null when every step is.</param>
/// <param name="Overdue">The steps not completed whose due date has passed.</param>
/// <param name="Meetings">The meetings that are voting or still have a vote ahead, with every tally (staff view); a live one has a resolution open.</param>
/// <param name="Waiting">What waits for the judge in this case, oldest first.</param>
public sealed record DashboardCase(
    string CaseId,
    string CaseNumber,
    string DebtorName,
    Procedure Procedure,
    DateOnly AcceptedOn,
    string AdministratorId,
    ProgressNodeView? Stage,
    IReadOnlyList<ProgressNodeView> Overdue,
    IReadOnlyList<MeetingView> Meetings,
    IReadOnlyList<WaitingItem> Waiting);
