using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CaseGrains.WebFront.Diagnostics;

namespace CaseGrains.Silo.Storage;

/// <summary>
/// A private PostgreSQL server started from the machine's binaries (/usr/lib/postgresql/*/bin) in a data folder of
/// its own, on a free loopback port. PostgreSQL refuses to run as root, so as root the server runs as the
/// <c>postgres</c> user through runuser and the folder is handed to that user.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string SystemUser = "postgres";
    private const string DatabaseUser = "casegrains";
    private readonly string bin;
    private readonly bool asRoot = Environment.UserName == "root";
    private bool running;

    private EmbeddedPostgres(string dataDirectory, string bin, int port)
    {
        DataDirectory = dataDirectory;
        this.bin = bin;
        Port = port;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username={DatabaseUser};Database={DatabaseUser};Pooling=true;Maximum Pool Size=50;No Reset On Close=true";

    /// <summary>Starts a server on <paramref name="dataDirectory"/>, creating the cluster there first if it has none.</summary>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, bool durable = true, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();
        var server = new EmbeddedPostgres(Path.GetFullPath(dataDirectory), bin, FreePort());
        await server.InitializeAsync(durable, cancellationToken);
        await server.RunAsync("pg_ctl", ["-D", server.DataDirectory, "-l", Path.Combine(server.DataDirectory, "server.log"), "-w", "-t", "60",
            "-o", $"-p {server.Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''", "start"], cancellationToken);
        server.running = true;
        await server.EnsureDatabaseAsync(cancellationToken);
        return server;
    }

    /// <summary>
    /// Removes the folders under <paramref name="root"/> whose owner process is gone (folders named
    /// "{processId}-…", as the tests and the load generator name theirs), stopping a server still running in one:
    /// a test run or a generator that was killed could not clean up after itself.
    /// </summary>
    public static async Task RemoveLeftoversAsync(string root)
    {
        if (!Directory.Exists(root)) return;
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var name = Path.GetFileName(folder);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var owner)) continue;
            if (ProcessLiveness.IsRunning(owner)) continue;
            if (File.Exists(Path.Combine(folder, "postmaster.pid")))
            {
                try
                {
                    await new EmbeddedPostgres(folder, FindBinaries(), 0).RunAsync("pg_ctl", ["-D", folder, "-m", "immediate", "-w", "stop"], CancellationToken.None);
                }
                catch (InvalidOperationException)
                {
                    // Its server had stopped already, leaving the pid file.
                }
            }
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    public static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "No PostgreSQL server binaries were found under /usr/lib/postgresql/*/bin. Install them (apt-get install postgresql) or set ConnectionStrings:CaseStore.");
    }

    private async Task InitializeAsync(bool durable, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        if (asRoot) await RunAsync("/bin/chown", ["-R", $"{SystemUser}:{SystemUser}", DataDirectory], cancellationToken, direct: true);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await RunAsync("initdb", ["-D", DataDirectory, "-U", DatabaseUser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"], cancellationToken);
        }
        // Settings that differ between the server's own use and the tests are rewritten on every start.
        var settings = Path.Combine(DataDirectory, "postgresql.auto.conf");
        var lines = new List<string>
        {
            "# written by CaseGrains' embedded PostgreSQL on every start",
            "max_connections = 200",
            "shared_buffers = 256MB",
            $"fsync = {(durable ? "on" : "off")}",
            $"synchronous_commit = {(durable ? "on" : "off")}",
            $"full_page_writes = {(durable ? "on" : "off")}",
            // Voting writes about 1.2 KB of WAL a ballot: at the default 1 GB a minute of 15,000 ballots/s forced two
            // checkpoints, each a second of fewer acknowledgements. Here checkpoints come on their timer (5 min).
            "max_wal_size = 4GB",
        };
        await File.WriteAllLinesAsync(settings, lines, cancellationToken);
        if (asRoot) await RunAsync("/bin/chown", [$"{SystemUser}:{SystemUser}", settings], cancellationToken, direct: true);
    }

    private async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        await using var admin = new Npgsql.NpgsqlConnection($"Host=127.0.0.1;Port={Port};Username={DatabaseUser};Database=postgres;Pooling=false");
        await admin.OpenAsync(cancellationToken);
        await using var exists = new Npgsql.NpgsqlCommand($"select 1 from pg_database where datname = '{DatabaseUser}'", admin);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new Npgsql.NpgsqlCommand($"create database {DatabaseUser}", admin);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        if (!running) return;
        running = false;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"], CancellationToken.None);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken, bool direct = false)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var program = direct ? tool : Path.Combine(bin, tool);
        if (asRoot && !direct)
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", SystemUser, "--", program }) start.ArgumentList.Add(a);
        }
        else
        {
            start.FileName = program;
        }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
