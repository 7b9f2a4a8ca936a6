using System.Diagnostics;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;
using CaseGrains.Silo.Activations;
using CaseGrains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// A private PostgreSQL holding one case with <see cref="Creditors"/> confirmed creditors and a meeting where each of
/// them voted once on one resolution, seeded through the grains as the API would, once per process. The server it
/// runs keeps activations until asked to collect them, so a benchmark can deactivate the meeting and time its return.
/// </summary>
public sealed class SeededMeeting : IAsyncDisposable
{
    public const string CaseId = "bench-2026";
    public const string MeetingId = "bench-2026-m1";
    public static readonly int Creditors = int.TryParse(Environment.GetEnvironmentVariable("CASEGRAINS_BENCH_CREDITORS"), out var n) ? n : 100_000;

    // Seeded once per process, by whichever benchmark asks first.
    private static readonly Lazy<Task<SeededMeeting>> Shared = new(SeedAsync);

    private readonly PostgresServer postgres;

    private SeededMeeting(PostgresServer postgres, string database, ServerHost server)
    {
        this.postgres = postgres;
        Database = database;
        Server = server;
    }

    public string Database { get; }
    public ServerHost Server { get; }
    public IGrainFactory Grains => Server.Services.GetRequiredService<IGrainFactory>();
    public GrainRuntime Runtime => Server.Services.GetRequiredService<GrainRuntime>();

    public static Task<SeededMeeting> GetAsync() => Shared.Value;

    /// <summary>Deactivates every idle activation (the meeting and the case): the next call loads them from PostgreSQL.</summary>
    public Task DeactivateAllAsync() => Runtime.DeactivateAllAsync();

    private static async Task<SeededMeeting> SeedAsync()
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        var database = await postgres.CreateDatabaseAsync();
        var server = await ServerHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Grains:CollectionAge"] = "00:00:00.010",
            ["Grains:CollectionQuantum"] = "01:00:00",
            ["Grains:CallTimeout"] = "00:10:00",
        });
        var seeded = new SeededMeeting(postgres, database, server);
        var grains = seeded.Grains;
        var clock = Stopwatch.StartNew();

        var caseGrain = grains.Get<ICaseGrain>(CaseId);
        await caseGrain.Open(new OpenCase("(2026)粤03破1号", "深圳市中级人民法院", "深圳示例科技有限公司", "91350100M000100Y43", Procedure.Liquidation,
            "judge-li", "admin-wang", new DateOnly(2026, 3, 1)));
        await Parallel.ForEachAsync(Enumerable.Range(0, Creditors), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var claim = await caseGrain.DeclareClaim(new DeclareClaim(Creditor(i), ClaimClass.Ordinary, AmountOf(i), 0, 0, 0, null, Creditor(i)));
            await caseGrain.StartReview(new StartClaimReview(claim.ClaimId, "admin-wang"));
            await caseGrain.ReviewClaim(new ReviewClaim(claim.ClaimId, ClaimDecision.Confirm, 0, "", "admin-wang"));
        });
        Console.WriteLine($"// seed: {Creditors:N0} claims declared and confirmed in {clock.Elapsed.TotalSeconds:N1} s");

        var meeting = grains.Get<IMeetingGrain>(MeetingId);
        await meeting.Schedule(new ScheduleMeeting(CaseId, "第一次债权人会议", DateTimeOffset.UtcNow,
            [new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan)], VotingRuleSet.PrcEbl, TallyVisibility.Live, "admin-wang"));
        clock.Restart();
        await meeting.OpenVoting("r1", "admin-wang");
        Console.WriteLine($"// seed: voting opened with a roll of {Creditors:N0} in {clock.Elapsed.TotalMilliseconds:N0} ms");

        clock.Restart();
        await Parallel.ForEachAsync(Enumerable.Range(0, Creditors), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
            await meeting.CastBallot(new CastBallot("r1", Creditor(i), ChoiceOf(i))));
        Console.WriteLine($"// seed: {Creditors:N0} ballots cast in {clock.Elapsed.TotalSeconds:N1} s ({Creditors / clock.Elapsed.TotalSeconds:N0}/s)");

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var sizes = new NpgsqlCommand("""
            select count(*), sum(pg_column_size(data)), max(pg_column_size(data)) filter (where data->>'fact' = 'voting.opened'),
                   max(octet_length(data::text)) filter (where data->>'fact' = 'voting.opened')
            from grain_fact where grain_type = 'meeting' and grain_key = $1
            """, connection);
        sizes.Parameters.Add(new() { Value = MeetingId });
        await using (var reader = await sizes.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine($"// seed: meeting rows {reader.GetInt64(0):N0}, stored {reader.GetInt64(1) / 1048576.0:N1} MiB; " +
                $"roll row {reader.GetInt32(2) / 1048576.0:N1} MiB stored ({reader.GetInt32(3) / 1048576.0:N1} MiB as JSON text)");
        }
        return seeded;
    }

    public static string Creditor(int i) => $"cr{i:D6}";

    public static long AmountOf(int i) => 10_000 + (i * 7_919L % 5_000_000);

    public static VoteChoice ChoiceOf(int i) => (VoteChoice)(i % 3 == 2 ? 2 : i % 2);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
