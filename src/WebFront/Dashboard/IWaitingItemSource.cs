using CaseGrains.Cases;

namespace CaseGrains.WebFront.Dashboard;

/// <summary>
/// One kind of thing that can wait for the judge. The judge's dashboard asks every registered source for each case of
/// the court (register more with <see cref="DashboardRegistration.AddWaitingItemSource{TSource}"/>): claim objections
/// and provisional amounts are here; over-limit transfers of a case account join the same way.
/// </summary>
public interface IWaitingItemSource
{
    Task<IReadOnlyList<WaitingItem>> WaitingInAsync(CaseView @case);
}
