using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.WebFront.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The judge's dashboard with the waiting items of claims; other features add theirs with <see cref="AddWaitingItemSource{TSource}"/>.</summary>
    public static IServiceCollection AddJudgeDashboard(this IServiceCollection services)
    {
        services.AddSingleton<JudgeDashboardBuilder>();
        services.AddWaitingItemSource<ClaimObjectionsWaiting>();
        services.AddWaitingItemSource<ProvisionalAmountsWaiting>();
        services.AddWaitingItemSource<TransferApprovalsWaiting>();
        return services;
    }

    public static IServiceCollection AddWaitingItemSource<TSource>(this IServiceCollection services) where TSource : class, IWaitingItemSource =>
        services.AddSingleton<IWaitingItemSource, TSource>();
}
