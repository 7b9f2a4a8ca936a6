using CaseGrains.WebFront.MachineApi.Callbacks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>The services and the request guard of the signed machine API; its stores come from the storage layer.</summary>
public static class MachineApiRegistration
{
    /// <summary>Where the machine API lives; its version is in the path, so that a v2 can stand beside it.</summary>
    public const string Prefix = "/machine/v1";

    /// <summary>
    /// The route group every machine endpoint is mapped in: marked <see cref="MachineEndpoint"/>, so that
    /// <see cref="MachineRequestMiddleware"/> verifies its signature and applies its Idempotency-Key, and open to
    /// no signed-in person (departments never sign in; the signature is their authentication). The global rate limiter
    /// counts a signed request against its department (see AddRateLimiter in WebFrontExtensions).
    /// </summary>
    public static RouteGroupBuilder MapMachineGroup(this IEndpointRouteBuilder routes) =>
        routes.MapGroup(Prefix).WithTags("Machine API for source departments").WithMetadata(MachineEndpoint.Instance).AllowAnonymous();

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
