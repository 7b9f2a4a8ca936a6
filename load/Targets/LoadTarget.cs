using CaseGrains.Load.Reporting;
using CaseGrains.Testing;

namespace CaseGrains.Load.Targets;

/// <summary>
/// The server under test: where it listens, the platform administrator's password (for seeding through the API) and,
/// when known, its database (for the recount from the stored rows). Started here (in a process of its own, or in this
/// one), or a URL.
/// </summary>
public sealed class LoadTarget : IAsyncDisposable
{
    private readonly IAsyncDisposable? host;

    private LoadTarget(Uri address, string adminPassword, string? databaseConnectionString, string description,
        IReadOnlyDictionary<string, string?> serverSettings, IAsyncDisposable? host, CpuAccount cpu)
    {
        Cpu = cpu;
        Address = address;
        AdminPassword = adminPassword;
        DatabaseConnectionString = databaseConnectionString;
        Description = description;
        ServerSettings = serverSettings;
        this.host = host;
    }

    public Uri Address { get; }
    public string AdminPassword { get; }
    public string? DatabaseConnectionString { get; }
    public string Description { get; }
    public IReadOnlyDictionary<string, string?> ServerSettings { get; }

    /// <summary>Where the CPU time of the server and its database is read, as far as they run on this machine.</summary>
    public CpuAccount Cpu { get; }

    /// <summary>What the generator sets on a server it starts; the rest are the product's defaults.</summary>
    public static Dictionary<string, string?> DefaultServerSettings(bool commitEachBallot) => new()
    {
        ["Load:EnableNoop"] = "true",
        ["Meetings:CommitEachBallot"] = commitEachBallot ? "true" : "false",
        // The product's own beat (the test host shortens it to 50 ms).
        ["Live:FlushInterval"] = "00:00:00.100",
        // Seeding signs in thousands of people; hashing strength is not what is measured.
        ["Security:PasswordIterations"] = "1000",
        // One generator address and a few staff accounts carry the whole load.
        ["Security:RequestsPerMinute"] = "1000000",
        ["Security:ConnectionsPerUser"] = "1000",
    };

    /// <summary>Starts the real server in this process on a fresh database of <paramref name="database"/>.</summary>
    public static async Task<LoadTarget> StartAsync(EmbeddedDatabase database, IReadOnlyDictionary<string, string?> settings, string label)
    {
        var connectionString = await database.CreateDatabaseAsync();
        var all = new Dictionary<string, string?>(settings) { ["Security:BootstrapAdminPassword"] = People.AdminPassword };
        var host = await ServerHost.StartAsync(connectionString, all);
        return new LoadTarget(host.Address, People.AdminPassword, connectionString,
            $"{label}: in-process server on {host.Address} with embedded PostgreSQL (fsync on)", settings, host,
            await CpuAccount.ForAsync(null, connectionString));
    }

    /// <summary>Starts the real server in a process of its own on a fresh database of <paramref name="database"/>.</summary>
    public static async Task<LoadTarget> StartProcessAsync(EmbeddedDatabase database, IReadOnlyDictionary<string, string?> settings, string label) =>
        await StartProcessAsync(await database.CreateDatabaseAsync(), settings, label);

    /// <summary>Starts the real server in a process of its own on the database at <paramref name="connectionString"/>.</summary>
    public static async Task<LoadTarget> StartProcessAsync(string connectionString, IReadOnlyDictionary<string, string?> settings, string label)
    {
        var all = new Dictionary<string, string?>(settings) { ["Security:BootstrapAdminPassword"] = People.AdminPassword };
        var server = await ServerProcess.StartAsync(connectionString, all);
        return new LoadTarget(server.Address, People.AdminPassword, connectionString,
            $"{label}: server in its own process (pid {server.ProcessId}) on {server.Address}", settings, server,
            await CpuAccount.ForAsync(server.ProcessId, connectionString));
    }

    /// <summary>A server started on its own (in another process or machine).</summary>
    public static LoadTarget Remote(Uri address, string adminPassword, string? databaseConnectionString, string label) =>
        new(address, adminPassword, databaseConnectionString, $"{label}: {address} (started separately)",
            new Dictionary<string, string?> { ["(remote)"] = "as configured where it runs" }, null, CpuAccount.GeneratorOnly);

    /// <summary>Wraps a server a test already started.</summary>
    public static LoadTarget Existing(ServerHost server, string adminPassword, string? databaseConnectionString) =>
        new(server.Address, adminPassword, databaseConnectionString, $"test server on {server.Address}", new Dictionary<string, string?>(), null,
            CpuAccount.ServerInThisProcess);

    public async ValueTask DisposeAsync()
    {
        if (host is not null) await host.DisposeAsync();
    }
}
