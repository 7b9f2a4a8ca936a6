using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CaseGrains.Load.Reporting;

/// <summary>
/// Where a run's CPU time goes, read from Linux's <c>/proc</c>: the generator's own process, the server's when it runs
/// in a process of its own, PostgreSQL's (its postmaster, every process under it, and those that ended) when it runs on
/// this machine, and the whole machine's busy, idle and stolen time. A rate says how fast; CPU time an operation says
/// what it costs, whatever else held the machine up.
/// </summary>
public sealed class CpuAccount
{
    // /proc gives times in USER_HZ ticks, which Linux fixes at 100 a second on x86 and ARM.
    private const double ClockTicksPerSecond = 100;

    private readonly bool serverCounted;
    private readonly int? serverProcessId;
    private readonly int? postmasterProcessId;

    private CpuAccount(bool serverCounted, int? serverProcessId, int? postmasterProcessId)
    {
        this.serverCounted = serverCounted;
        this.serverProcessId = serverProcessId;
        this.postmasterProcessId = postmasterProcessId;
    }

    /// <summary>The generator's process alone, the server's CPU time unknown: a server started elsewhere.</summary>
    public static CpuAccount GeneratorOnly { get; } = new(false, null, null);

    /// <summary>The generator's process with a server inside it; the database not counted.</summary>
    public static CpuAccount ServerInThisProcess { get; } = new(true, null, null);

    /// <param name="serverProcessId">the server's process, or null when the server runs in this one</param>
    /// <param name="databaseConnectionString">the server's database: counted when its backend is a PostgreSQL process on this machine</param>
    public static async Task<CpuAccount> ForAsync(int? serverProcessId, string? databaseConnectionString, CancellationToken cancellationToken = default)
    {
        if (!File.Exists("/proc/stat")) return serverProcessId is null ? ServerInThisProcess : GeneratorOnly;
        return new CpuAccount(true, serverProcessId, await PostmasterOfAsync(databaseConnectionString, cancellationToken));
    }

    public CpuReading Read()
    {
        var generator = Environment.CpuUsage.TotalTime;
        TimeSpan? server = serverProcessId is { } serverPid && Stat(serverPid) is { } serverStat ? FromClockTicks(serverStat.Own) : null;
        TimeSpan? database = null;
        if (postmasterProcessId is { } postmaster && Stat(postmaster) is { } postmasterStat)
        {
            // The postmaster's own time, that of the children it has reaped, and that of those still running.
            var ticks = postmasterStat.Own + postmasterStat.ReapedChildren;
            foreach (var (parent, own) in Processes())
                if (parent == postmaster) ticks += own;
            database = FromClockTicks(ticks);
        }
        return new CpuReading(Stopwatch.GetTimestamp(), generator, server, database, MachineCpuTimes.Read(),
            serverCounted && (serverProcessId is null || server is not null));
    }

    internal static TimeSpan FromClockTicks(long ticks) => TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);

    /// <summary>The postmaster: the parent of the backend that answers a connection, if that backend is a postgres process here.</summary>
    private static async Task<int?> PostmasterOfAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (connectionString is null) return null;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var backend = connection.ProcessID;
        var name = $"/proc/{backend}/comm";
        if (!File.Exists(name) || !(await File.ReadAllTextAsync(name, cancellationToken)).StartsWith("postgres", StringComparison.Ordinal)) return null;
        return Stat(backend)?.Parent;
    }

    private static IEnumerable<(int Parent, long Own)> Processes()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (Stat(pid) is { } stat) yield return (stat.Parent, stat.Own);
        }
    }

    /// <summary>The process's /proc/[pid]/stat, or null once it has ended.</summary>
    private static ProcessStat? Stat(int pid)
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
        return ProcessStat.Parse(text);
    }
}
