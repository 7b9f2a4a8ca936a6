using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using CaseGrains.Live;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.Dashboard;
using CaseGrains.WebFront.Diagnostics;
using CaseGrains.WebFront.Live;
using CaseGrains.WebFront.MachineApi;
using CaseGrains.WebFront.Problems;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront;

/// <summary>Registers and maps the HTTP API, the SignalR hub, sign-in and authorization, and the static pages.</summary>
public static class WebFrontExtensions
{
    private const string SchemeBySelector = "cookie-or-bearer";

    public static IServiceCollection AddCaseGrainsWebFront(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures reach ProblemExceptionHandler, which names the field; by default they end as a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = 1024 * 1024);
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
        services.AddSingleton<ConnectionRegistry>();
        services.AddSingleton<GroupSizes>();
        services.AddOptions<LoadTestOptions>().BindConfiguration(LoadTestOptions.Section);
        services.AddHostedService<LoadGeneratorWatch>();
        AddSecurity(services);
        services.AddMachineApi();
        services.AddJudgeDashboard();
        return services;
    }

    private static void AddSecurity(IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Passwords>();
        services.AddSingleton<SignInService>();
        services.AddSingleton<CaseAccessService>();
        services.AddSingleton<IAuthorizationHandler, CaseRoleHandler>();
        services.AddAuthorization(Policies.Add);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-XSRF-TOKEN";
            o.Cookie.Name = "casegrains-xsrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SchemeBySelector;
                o.DefaultChallengeScheme = SchemeBySelector;
            })
            .AddPolicyScheme(SchemeBySelector, "Cookie for pages, bearer token for API clients", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
                || (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query.ContainsKey("access_token"))
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie()
            .AddBearerToken(o => o.Events = new BearerTokenEvents
            {
                // Browsers cannot set headers on a WebSocket: SignalR clients send the token in the query instead.
                OnMessageReceived = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is { Count: > 0 } token)
                        context.Token = token;
                    return Task.CompletedTask;
                },
            });
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.Cookie.Name = "casegrains";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = security.Value.SecureCookiesAlways ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = security.Value.SessionAbsolute;
            o.SlidingExpiration = false;
            o.Events.OnRedirectToLogin = c => Status(c.Response, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Status(c.Response, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<BearerTokenOptions>(BearerTokenDefaults.AuthenticationScheme).Configure<IOptions<SecurityOptions>>((o, security) =>
            o.BearerTokenExpiration = security.Value.SessionIdle < TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : security.Value.SessionIdle);

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var limit = context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RequestsPerMinute;
                var who = context.User.Username() is { } user ? $"user:{user}"
                    : context.Items.Values.OfType<MachineApi.MachineCaller>().FirstOrDefault() is { } department ? $"department:{department.Department}"
                    : $"address:{context.Connection.RemoteIpAddress}";
                return RateLimitPartition.GetFixedWindowLimiter(who, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
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
        app.UseMiddleware<SecurityHeadersMiddleware>();
        var webRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webRoot))
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        app.UseWebSockets();
        app.UseRouting();
        // Signed machine requests (source departments) are verified before anything else looks at them.
        app.UseMachineApi();
        app.UseAuthentication();
        app.UseMiddleware<SessionValidationMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<AntiforgeryMiddleware>();
        app.UseMiddleware<AuditMiddleware>();
        app.UseAuthorization();

        var connections = app.Services.GetRequiredService<ConnectionRegistry>();
        app.Lifetime.ApplicationStopping.Register(connections.AbortEveryone);

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapHub<LiveHub>("/hubs/live");
        IEndpointRouteBuilder api = app.MapGroup("/api");
        api.MapAuthApi();
        api.MapAccountsApi();
        api.MapAuditApi();
        api.MapCasesApi();
        api.MapClaimsApi();
        api.MapCreditorsApi();
        api.MapDepartmentsApi();
        api.MapMeetingsApi();
        api.MapMyApi();
        api.MapLedgerApi();
        api.MapLedgerWitnessApi();
        api.MapLedgerKeyApi();
        api.MapClaimLifecycleApi();
        api.MapClaimEvidenceApi();
        api.MapClaimListApi();
        api.MapEmployeeClaimsApi();
        api.MapCreditorIdentityApi();
        api.MapDepartmentKeysApi();
        app.MapMachineApiV1();
        app.MapMachineSharingApi();
        api.MapSharedDataApi();
        api.MapCaseCreditorsApi();
        api.MapMeetingMembersApi();
        api.MapMeetingBallotsApi();
        api.MapMeetingProceedingsApi();
        api.MapLoadTestingApi();
        api.MapCaseAccountApi();
        api.MapProgressApi();
        api.MapJudgeDashboardApi();
        return app;
    }
}
