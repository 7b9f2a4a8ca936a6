using CaseGrains.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseGrains.Testing;

/// <summary>The real server, started in this process on a free loopback port, against a given database.</summary>
public sealed class ServerHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private ServerHost(WebApplication app, Uri address, TimeProvider clock)
    {
        this.app = app;
        Address = address;
        Clock = clock;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    /// <summary>The server's clock: a test's <see cref="ManualClock"/>, or the system's.</summary>
    public TimeProvider Clock { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<ServerHost> StartAsync(string connectionString, IDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var app = await CaseGrainsServer.BuildAsync([], builder =>
        {
            var all = new Dictionary<string, string?>
            {
                ["ConnectionStrings:CaseStore"] = connectionString,
                ["Live:FlushInterval"] = "00:00:00.050",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Security:BootstrapAdminPassword"] = People.AdminPassword,
                // Hashing strength is not what these tests are about; 1,000 PBKDF2 rounds keep sign-in fast.
                ["Security:PasswordIterations"] = "1000",
                ["Security:RequestsPerMinute"] = "1000000",
            };
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
            builder.Configuration.AddInMemoryCollection(all);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            if (clock is not null) builder.Services.AddSingleton(clock);
            // Server logs stay out of test output unless asked for (CASEGRAINS_TEST_LOGS=1).
            if (Environment.GetEnvironmentVariable("CASEGRAINS_TEST_LOGS") != "1") builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServerHost(app, new Uri(address), clock ?? TimeProvider.System);
    }

    public HubClient Hub(string? accessToken = null) => new(new Uri(Address, "/hubs/live"), accessToken);

    /// <summary>A hub connection signed in as the person <paramref name="as"/>.</summary>
    public async Task<HubClient> ConnectHubAsync(Person @as)
    {
        var hub = Hub(@as.Token);
        await hub.ConnectAsync();
        return hub;
    }

    /// <summary>Signs people in: see <see cref="People"/>.</summary>
    public People People => people ??= new People(this);

    private People? people;

    public async Task StopAsync() => await app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
