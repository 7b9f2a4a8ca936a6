using System.Text.Json;
using System.Text.Json.Serialization;
using CaseGrains.Live;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.Live;
using CaseGrains.WebFront.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace CaseGrains.WebFront;

/// <summary>Registers and maps the HTTP API, the SignalR hub and the static pages.</summary>
public static class WebFrontExtensions
{
    public static IServiceCollection AddCaseGrainsWebFront(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.AddProblemDetails();
        // Binding failures reach ProblemExceptionHandler, which names the field; by default they end as a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1");
        services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = 32 * 1024;
            o.EnableDetailedErrors = false;
            o.AddFilter<RefusalHubFilter>();
        }).AddJsonProtocol(o => ConfigureJson(o.PayloadSerializerOptions));
        services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LiveBroadcaster>();
        services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<LiveBroadcaster>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveBroadcaster>());
        return services;
    }

    /// <summary>The one JSON form of the API and the hub: camelCase, enums by camelCase name, required members required.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    }

    public static WebApplication MapCaseGrainsWebFront(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        app.UseWebSockets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHub<LiveHub>("/hubs/live");
        IEndpointRouteBuilder api = app.MapGroup("/api");
        api.MapCasesApi();
        api.MapClaimsApi();
        api.MapCreditorsApi();
        api.MapDepartmentsApi();
        api.MapMeetingsApi();
        api.MapMeetingMembersApi();
        api.MapMeetingBallotsApi();
        api.MapMeetingProceedingsApi();
        return app;
    }
}
