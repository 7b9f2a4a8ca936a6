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

    private ServerHost(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => app.Services;

    public static async Task<ServerHost> StartAsync(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var app = await CaseGrainsServer.BuildAsync([], builder =>
        {
            var all = new Dictionary<string, string?>
            {
                ["ConnectionStrings:CaseStore"] = connectionString,
                ["Live:FlushInterval"] = "00:00:00.050",
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
            builder.Configuration.AddInMemoryCollection(all);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            // Server logs stay out of test output unless asked for (CASEGRAINS_TEST_LOGS=1).
            if (Environment.GetEnvironmentVariable("CASEGRAINS_TEST_LOGS") != "1") builder.Logging.ClearProviders();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ServerHost(app, new Uri(address));
    }

    public HubClient Hub() => new(new Uri(Address, "/hubs/live"));

    public async Task<HubClient> ConnectHubAsync()
    {
        var hub = Hub();
        await hub.ConnectAsync();
        return hub;
    }

    public async Task StopAsync() => await app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
