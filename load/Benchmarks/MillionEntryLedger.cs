using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseGrains.Ledger;
using CaseGrains.Load.Targets;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;
using CaseGrains.Silo.Activations;
using CaseGrains.Silo.Storage;
using CaseGrains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// One case whose ledger holds <see cref="Entries"/> ballots, in a private PostgreSQL (fsync on) served by the real
/// server, seeded once per process: the rows are written by the grain store's own append call, the one a meeting's
/// group commit makes (ballot row and ledger entry in one transaction, positions taken under the ledger head lock),
/// in batches of 2,000 ballots, a group commit's largest. Also the export of that ledger as the API streams it,
/// written to a file, and the log's verifier key next to it, for the offline verifier.
/// </summary>
public sealed class MillionEntryLedger
{
    public const string CaseId = "bench-ledger";
    public static readonly int Entries = int.TryParse(Environment.GetEnvironmentVariable("CASEGRAINS_BENCH_LEDGER_ENTRIES"), out var n) ? n : 1_000_000;

    private const string MeetingId = "bench-ledger-m1";
    private const int SeedBatch = 2000;
    // LedgerApi streams the export in parts of this many entries.
    private const int ExportPartEntries = 5000;

    // How the fact log writes a fact's own row (web defaults, enums by name); the ledger entry does not depend on it.
    private static readonly JsonSerializerOptions FactJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    // Seeded once per process, by whichever benchmark asks first.
    private static readonly Lazy<Task<MillionEntryLedger>> Shared = new(SeedAsync);

    private readonly EmbeddedDatabase database;
    private readonly string folder;

    private MillionEntryLedger(EmbeddedDatabase database, ServerHost server, string folder)
    {
        this.database = database;
        Server = server;
        this.folder = folder;
    }

    public ServerHost Server { get; }
    public IGrainFactory Grains => Server.Services.GetRequiredService<IGrainFactory>();
    public ILedgerGrain Ledger => Grains.Get<ILedgerGrain>(CaseId);
    public GrainRuntime Runtime => Server.Services.GetRequiredService<GrainRuntime>();

    /// <summary>The checkpoint the export ends with (the first one signed, of every entry).</summary>
    public CheckpointResponse Checkpoint { get; private set; } = null!;

    public string ExportFile => Path.Combine(folder, $"ledger-{CaseId}-{Entries}.jsonl");
    public string KeyFile => Path.Combine(folder, "log.vkey");

    public static Task<MillionEntryLedger> GetAsync() => Shared.Value;

    /// <summary>Deactivates every idle activation: the ledger grain's next call reads its leaf hashes from PostgreSQL again.</summary>
    public Task DeactivateAllAsync() => Runtime.DeactivateAllAsync();

    /// <summary>The stored leaf hashes, read page by page as the ledger grain reads them.</summary>
    public async Task<MerkleTree> ReadTreeAsync()
    {
        var store = Server.Services.GetRequiredService<ILedgerStore>();
        var tree = new MerkleTree();
        while (true)
        {
            var page = await store.ReadLeafHashesAsync(CaseId, tree.Size, 65_536);
            for (var i = 0; i < page.Count; i++) tree.AppendLeafHash(page.LeafHash(i));
            if (page.Count < 65_536) return tree;
        }
    }

    private static async Task<MillionEntryLedger> SeedAsync()
    {
        var database = await EmbeddedDatabase.StartAsync();
        var connectionString = await database.CreateDatabaseAsync();
        var server = await ServerHost.StartAsync(connectionString, new Dictionary<string, string?>
        {
            ["Grains:CollectionAge"] = "00:00:00.010",
            ["Grains:CollectionQuantum"] = "01:00:00",
            ["Grains:CallTimeout"] = "00:10:00",
            ["Ledger:CheckpointInterval"] = "00:00:00",
        });
        var folder = Path.Combine(Path.GetTempPath(), "casegrains-bench", $"{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var seeded = new MillionEntryLedger(database, server, folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => seeded.StopAsync().GetAwaiter().GetResult();

        var clock = Stopwatch.StartNew();
        var store = server.Services.GetRequiredService<IGrainStore>();
        var meeting = new GrainId("meeting", MeetingId);
        var lease = await store.AcquireAsync(meeting, "bench-seed", CancellationToken.None);
        var start = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var first = 0; first < Entries; first += SeedBatch)
        {
            var rows = new FactRow[Math.Min(SeedBatch, Entries - first)];
            for (var i = 0; i < rows.Length; i++)
                rows[i] = Row(Ballot(first + i, start));
            var positions = await store.AppendFactsAsync(meeting, lease.Epoch, first + 1, rows, CancellationToken.None);
            if (positions[0] != first)
                throw new InvalidOperationException($"the batch from {first} went to ledger position {positions[0]}");
        }
        Console.WriteLine($"// seed: {Entries:N0} ballots with their ledger entries appended in batches of {SeedBatch:N0} in " +
            $"{clock.Elapsed.TotalSeconds:N1} s ({Entries / clock.Elapsed.TotalSeconds:N0} entries/s)");

        // A ledger that grew over months has been vacuumed and analyzed; autovacuum catching up on a million fresh
        // rows would otherwise run during the measurements.
        clock.Restart();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var vacuum = new NpgsqlCommand("vacuum (analyze) ledger_entry, grain_fact", connection);
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"// seed: vacuum (analyze) in {clock.Elapsed.TotalSeconds:N1} s");

        clock.Restart();
        seeded.Checkpoint = await seeded.Ledger.GetCheckpoint();
        if (seeded.Checkpoint.TreeSize != Entries)
            throw new InvalidOperationException($"the first checkpoint covers {seeded.Checkpoint.TreeSize} entries, not {Entries}");
        Console.WriteLine($"// seed: ledger grain activated ({Entries:N0} leaf hashes read) and first checkpoint signed in {clock.Elapsed.TotalSeconds:N1} s");

        clock.Restart();
        var export = await seeded.Ledger.BeginExport();
        await using (var writer = new StreamWriter(seeded.ExportFile, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            long? next = 0;
            while (next is { } from)
            {
                var part = await seeded.Ledger.ExportPart(export.TreeSize, from, ExportPartEntries);
                await writer.WriteAsync(part.Text);
                next = part.Next;
            }
        }
        await File.WriteAllTextAsync(seeded.KeyFile, server.Services.GetRequiredService<ILedgerKeys>().GetKeys().LogKey);
        Console.WriteLine($"// seed: export of {export.TreeSize:N0} entries written through the grain's export parts in {clock.Elapsed.TotalSeconds:N1} s, " +
            $"{new FileInfo(seeded.ExportFile).Length / 1048576.0:N0} MiB: {seeded.ExportFile}");
        return seeded;
    }

    /// <summary>Ballot <paramref name="i"/>: the ballots of 1,000 creditors, each changing its vote as the meeting goes on.</summary>
    private static BallotCast Ballot(int i, DateTimeOffset start)
    {
        var creditor = SeededMeeting.Creditor(i % 1000);
        return new BallotCast(CaseId, MeetingId, creditor, start.AddMilliseconds(i), "r1", creditor, SeededMeeting.ChoiceOf(i), i + 1L,
            BallotCommitment.NewSalt());
    }

    /// <summary>The row the meeting's fact log writes for a ballot: the fact, and its ledger entry's parts.</summary>
    private static FactRow Row(MeetingFact fact)
    {
        ILedgerFact ledger = fact;
        return new FactRow(JsonSerializer.SerializeToUtf8Bytes(fact, FactJson),
            new LedgerRecord(ledger.CaseId, ledger.At, ledger.Actor, ledger.LedgerKind, CanonicalJson.Serialize(ledger.LedgerData, ledger.LedgerData.GetType())));
    }

    private async Task StopAsync()
    {
        await Server.DisposeAsync();
        await database.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
