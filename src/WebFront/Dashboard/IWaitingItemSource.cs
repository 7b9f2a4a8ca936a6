namespace CaseGrains.WebFront.Dashboard;

/// <summary>
/// One kind of thing that can wait for the judge. The judge's dashboard asks every registered source for each case of
/// the court (register more with <see cref="DashboardRegistration.AddWaitingItemSource{TSource}"/>): claim objections
/// and provisional amounts are here; over-limit transfers of a case account join the same way. A source works from
/// the facts the dashboard read once for the case, and asks the grains only for what those do not hold.
/// </summary>
public interface IWaitingItemSource
{
    Task<IReadOnlyList<WaitingItem>> WaitingInAsync(DashboardCaseFacts facts);
}
