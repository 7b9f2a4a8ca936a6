using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CaseGrains.Load.Targets;

/// <summary>
/// The real server in a process of its own (the Silo built beside the generator), as it runs in production: the
/// generator's own allocations and pauses then stay out of the server it measures. Settings reach it as environment
/// variables (<c>Section__Key</c>); the generator's own environment (DOTNET_ GC settings, say) is inherited.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>Waits until the server process has exited, however it came to.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public static async Task<ServerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken = default)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CaseGrains.Silo.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.Environment["ConnectionStrings__CaseStore"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // A generator killed before it could stop the server leaves it running; this way the server stops itself.
        start.Environment["Load__StopWithProcess"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var giveUp = Stopwatch.StartNew();
        while (true)
        {
            if (server.process.HasExited)
                throw new InvalidOperationException($"The server exited with {server.process.ExitCode} before it was ready:\n{server.Output()}");
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken)).StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            if (giveUp.Elapsed > TimeSpan.FromMinutes(2))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"The server at {address} was not healthy within 2 minutes:\n{server.Output()}");
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Stops the server as an operator would (SIGTERM: it flushes what it holds), killing it only if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        process.Dispose();
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > 40) lastLines.Dequeue();
        }
    }

    private string Output()
    {
        lock (lastLines) return string.Join('\n', lastLines);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
