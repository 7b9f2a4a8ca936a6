using CaseGrains.WebFront.MachineApi.Callbacks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>The services and the request guard of the signed machine API; its stores come from the storage layer.</summary>
public static class MachineApiRegistration
{
    public static IServiceCollection AddMachineApi(this IServiceCollection services)
    {
        services.AddOptions<MachineApiOptions>().BindConfiguration(MachineApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(CallbackDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<CallbackDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CallbackDispatcher>());
        services.AddHostedService<MachineApiHousekeeping>();
        return services;
    }

    /// <summary>Verifies signatures and applies Idempotency-Keys on the endpoints marked <see cref="MachineEndpoint"/>.</summary>
    public static IApplicationBuilder UseMachineApi(this IApplicationBuilder app) => app.UseMiddleware<MachineRequestMiddleware>();
}
