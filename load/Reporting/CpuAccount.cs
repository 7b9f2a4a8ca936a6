using System.Globalization;
using Npgsql;

namespace CaseGrains.Load.Reporting;

/// <summary>
/// Where a run's CPU time goes, read from Linux's <c>/proc</c>: the generator's own process, the server's when it runs
/// in a process of its own, PostgreSQL's (its postmaster and every process under it) when it runs on this machine, and
/// the whole machine's busy, idle and stolen time. A rate says how fast; CPU time an operation says what it costs,
/// whatever else held the machine up.
/// </summary>
public sealed class CpuAccount
{
    // /proc reports times in USER_HZ ticks, which Linux fixes at 100 a second for user space on every architecture it runs on.
    private const double TicksPerSecond = 100;

    private readonly bool serverCounted;
    private readonly int? serverProcessId;
    private readonly int? postmasterProcessId;

    private CpuAccount(bool serverCounted, int? serverProcessId, int? postmasterProcessId)
    {
        this.serverCounted = serverCounted;
        this.serverProcessId = serverProcessId;
        this.postmasterProcessId = postmasterProcessId;
    }

    /// <summary>The generator's process alone, the server's CPU time unknown: a server started elsewhere, or no /proc to read.</summary>
    public static CpuAccount GeneratorOnly { get; } = new(false, null, null);

    /// <param name="serverProcessId">the server's process, or null when the server runs in this one</param>
    /// <param name="databaseConnectionString">the server's database: counted when its backend is a PostgreSQL process on this machine</param>
    public static async Task<CpuAccount> ForAsync(int? serverProcessId, string? databaseConnectionString, CancellationToken cancellationToken = default)
    {
        if (!File.Exists("/proc/stat")) return serverProcessId is null ? new CpuAccount(true, null, null) : GeneratorOnly;
        return new CpuAccount(true, serverProcessId, await PostmasterOfAsync(databaseConnectionString, cancellationToken));
    }

    public CpuReading Read()
    {
        var generator = Environment.CpuUsage.TotalTime;
        TimeSpan? server = serverProcessId is { } s && Stat(s) is { } stat ? Ticks(stat.Ticks) : null;
        TimeSpan? database = null;
        if (postmasterProcessId is { } postmaster)
        {
            long ticks = 0;
            foreach (var (pid, parent, own) in Processes())
                if (pid == postmaster || parent == postmaster) ticks += own;
            database = Ticks(ticks);
        }
        return new CpuReading(System.Diagnostics.Stopwatch.GetTimestamp(), generator, server, database, MachineCpuTimes.Read(),
            serverCounted && (serverProcessId is null || server is not null));
    }

    internal static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / TicksPerSecond);

    /// <summary>The postmaster: the parent of the backend that answers a connection, if that backend is a postgres process here.</summary>
    private static async Task<int?> PostmasterOfAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (connectionString is null) return null;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var backend = connection.ProcessID;
        var comm = $"/proc/{backend}/comm";
        if (!File.Exists(comm) || !(await File.ReadAllTextAsync(comm, cancellationToken)).StartsWith("postgres", StringComparison.Ordinal)) return null;
        return Stat(backend) is { } stat ? stat.Parent : null;
    }

    private static IEnumerable<(int Pid, int Parent, long Ticks)> Processes()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Stat(pid) is { } stat) yield return (pid, stat.Parent, stat.Ticks);
        }
    }

    /// <summary>The parent and user + system ticks from /proc/[pid]/stat (fields 4, 14 and 15; the name in field 2 may hold spaces).</summary>
    private static (int Parent, long Ticks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // the process ended meanwhile
        }
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
