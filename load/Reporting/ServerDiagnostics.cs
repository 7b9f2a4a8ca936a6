using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;
using CaseGrains.Load.Engine;
using CaseGrains.Silo.Storage;
using CaseGrains.WebFront.Diagnostics;
using Npgsql;

namespace CaseGrains.Load.Reporting;

/// <summary>
/// What the server and its database were doing while a scenario ran, so a slow tail can be put down to its cause
/// rather than guessed at: the fact commits' durations (from the server's <c>CaseGrains.Storage</c> meter, seen only
/// when the server runs in this process), the runtime's pauses of every managed thread (garbage collections, in this
/// process) and PostgreSQL's checkpoints and WAL volume (when the database is known).
/// </summary>
public sealed class ServerDiagnostics : IAsyncDisposable
{
    private readonly LatencyHistogram commits = new();
    private readonly LatencyHistogram pauses = new();
    private readonly MeterListener meters = new();
    private readonly PauseListener pauseListener;
    private readonly string? database;
    private readonly Func<Task<RuntimeFigures?>> serverFigures;
    private RuntimeFigures? serverBefore;
    private readonly int gen0, gen1, gen2;
    private readonly long allocated;
    private DatabaseCounters? before;

    private ServerDiagnostics(string? database, Func<Task<RuntimeFigures?>> serverFigures)
    {
        this.database = database;
        this.serverFigures = serverFigures;
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == StorageMetrics.MeterName && instrument.Name == StorageMetrics.FactCommitDuration)
                listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<double>((_, ms, _, _) => commits.Record((long)(ms * 1000)));
        meters.Start();
        pauseListener = new PauseListener(pauses);
        (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        allocated = GC.GetTotalAllocatedBytes();
    }

    /// <param name="database">the server's database, when known</param>
    /// <param name="serverFigures">the server process's GC figures (GET /api/load/runtime), or null where it does not answer</param>
    public static async Task<ServerDiagnostics> StartAsync(string? database, Func<Task<RuntimeFigures?>> serverFigures, CancellationToken cancellationToken)
    {
        var diagnostics = new ServerDiagnostics(database, serverFigures);
        diagnostics.before = await DatabaseCounters.ReadAsync(database, cancellationToken);
        diagnostics.serverBefore = await serverFigures();
        return diagnostics;
    }

    /// <summary>Stops listening and adds what was seen to <paramref name="run"/>; <paramref name="operations"/> is what the allocations are divided by.</summary>
    public async Task ReportAsync(ServerRun run, string scenario, long operations, CancellationToken cancellationToken)
    {
        var allocatedBytes = GC.GetTotalAllocatedBytes() - allocated;
        meters.Dispose();
        pauseListener.Dispose();
        var after = await DatabaseCounters.ReadAsync(database, cancellationToken);
        var serverAfter = await serverFigures();
        var inProcess = commits.Count > 0;
        if (!inProcess && serverBefore is not null && serverAfter is not null)
        {
            var bytes = serverAfter.AllocatedBytes - serverBefore.AllocatedBytes;
            run.Checks.Add(new Check($"{scenario}: the server process's garbage collector", true, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{serverAfter.Gen0Collections - serverBefore.Gen0Collections} gen0, {serverAfter.Gen1Collections - serverBefore.Gen1Collections} gen1, " +
                $"{serverAfter.Gen2Collections - serverBefore.Gen2Collections} gen2 collections; {serverAfter.PauseMilliseconds - serverBefore.PauseMilliseconds:N0} ms paused in all; " +
                $"{bytes / (1024.0 * 1024.0):N0} MiB allocated ({(operations == 0 ? 0 : bytes / operations):N0} bytes per operation); heap {serverAfter.HeapBytes / (1024.0 * 1024.0):N0} MiB at the end")));
        }
        if (commits.Count > 0)
            run.Measures.Add(new Measure($"{scenario}: fact commits in the server (group commits)",
                "from opening the connection until PostgreSQL confirmed the commit of one batch of facts (the server's " +
                $"{StorageMetrics.FactCommitDuration} histogram); every acknowledged ballot waited for one",
                commits.Summary()));
        run.Measures.Add(new Measure($"{scenario}: runtime pauses in the generator's process{(inProcess ? " (server included)" : "")}",
            "each suspension of all managed threads (a garbage collection, mostly), from the runtime's GCSuspendEEBegin to GCRestartEEEnd events",
            pauses.Summary(), new Dictionary<string, long>
            {
                ["gen0 collections"] = GC.CollectionCount(0) - gen0,
                ["gen1 collections"] = GC.CollectionCount(1) - gen1,
                ["gen2 collections"] = GC.CollectionCount(2) - gen2,
                ["pauses over 20 ms"] = pauses.Count - pauses.CountAtMost(20_000),
                ["MiB allocated"] = allocatedBytes / (1024 * 1024),
                ["bytes allocated per operation"] = operations == 0 ? 0 : allocatedBytes / operations,
            }));
        if (before is not null && after is not null)
            run.Checks.Add(new Check($"{scenario}: PostgreSQL during the scenario", true,
                $"{after.Checkpoints - before.Checkpoints} checkpoint(s) ({after.RequestedCheckpoints - before.RequestedCheckpoints} requested by WAL volume), " +
                $"{(after.WalBytes - before.WalBytes) / (1024.0 * 1024.0):N0} MiB of WAL, {after.WalSyncs - before.WalSyncs:N0} WAL syncs"));
    }

    public ValueTask DisposeAsync()
    {
        meters.Dispose();
        pauseListener.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record DatabaseCounters(long Checkpoints, long RequestedCheckpoints, long WalBytes, long WalSyncs)
    {
        public static async Task<DatabaseCounters?> ReadAsync(string? database, CancellationToken cancellationToken)
        {
            if (database is null) return null;
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                select b.checkpoints_timed + b.checkpoints_req, b.checkpoints_req, w.wal_bytes::bigint, w.wal_sync
                from pg_stat_bgwriter b, pg_stat_wal w
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new DatabaseCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }
    }

    /// <summary>Times each runtime suspension from the runtime's own GC events.</summary>
    private sealed class PauseListener(LatencyHistogram pauses) : EventListener
    {
        private const int SuspendBegin = 9;
        private const int RestartEnd = 3;
        private DateTime suspendedAt;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
                EnableEvents(source, EventLevel.Informational, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventId == SuspendBegin) suspendedAt = e.TimeStamp;
            else if (e.EventId == RestartEnd && suspendedAt != default)
            {
                pauses.Record((long)(e.TimeStamp - suspendedAt).TotalMicroseconds);
                suspendedAt = default;
            }
        }
    }
}
