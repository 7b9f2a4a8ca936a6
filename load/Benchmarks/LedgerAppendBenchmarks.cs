using BenchmarkDotNet.Attributes;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Load.Targets;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;
using CaseGrains.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// Entries appended to one case's ledger, on the write path a vote takes: a creditor's ballot through the meeting
/// grain, stored by its fact log with its ledger entry (position taken under the case's ledger head lock) in one
/// PostgreSQL transaction with fsync on, and acknowledged only after the commit. Per entry: one caller at a time
/// (every entry its own commit), and 256 callers at once (group commit: the ballots that arrive while a commit runs
/// share the next one). Each benchmark gets a fresh database; at the end the ledger's growth is checked against the
/// acknowledged ballots.
/// </summary>
[Config(typeof(InProcessMonitoring))]
public class LedgerAppendBenchmarks
{
    private const string CaseId = "bench-append";
    private const string MeetingId = "bench-append-m1";
    private const int Creditors = 1000;
    private const int OneAtATimePerInvoke = 200;
    private const int ConcurrentPerInvoke = 10_000;

    private EmbeddedDatabase database = null!;
    private string connectionString = null!;
    private ServerHost server = null!;
    private IMeetingGrain meeting = null!;
    private long ledgerSizeAtStart;
    private long acknowledged;
    private int round;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    /// <summary>One caller: each ballot waits for its own commit before the next is cast.</summary>
    [Benchmark(OperationsPerInvoke = OneAtATimePerInvoke)]
    public async Task OneAtATime()
    {
        var shift = ++round;
        for (var i = 0; i < OneAtATimePerInvoke; i++)
            await Cast(i, shift);
    }

    /// <summary>256 callers at once; each ballot is acknowledged after the group commit that carried it.</summary>
    [Benchmark(OperationsPerInvoke = ConcurrentPerInvoke)]
    public async Task Concurrent256()
    {
        var shift = ++round;
        await Parallel.ForEachAsync(Enumerable.Range(0, ConcurrentPerInvoke), new ParallelOptions { MaxDegreeOfParallelism = 256 },
            async (i, _) => await Cast(i, shift));
    }

    private async Task Cast(int i, int shift)
    {
        var creditor = i % Creditors;
        await meeting.CastBallot(new CastBallot("r1", SeededMeeting.Creditor(creditor), SeededMeeting.ChoiceOf(creditor + shift)));
        Interlocked.Increment(ref acknowledged);
    }

    private async Task SetupAsync()
    {
        database = await EmbeddedDatabase.StartAsync();
        connectionString = await database.CreateDatabaseAsync();
        server = await ServerHost.StartAsync(connectionString, new Dictionary<string, string?>
        {
            ["Grains:CallTimeout"] = "00:10:00",
            // No scheduled checkpoints signing (and reading the ledger) in the middle of the measurement.
            ["Ledger:CheckpointInterval"] = "00:00:00",
        });
        var grains = server.Services.GetRequiredService<IGrainFactory>();
        var caseGrain = grains.Get<ICaseGrain>(CaseId);
        await caseGrain.Open(new OpenCase("(2026)粤03破2号", "深圳市中级人民法院", "深圳示例物流有限公司", "91440300MA5F00002D", Procedure.Liquidation,
            "judge-li", "admin-wang", new DateOnly(2026, 3, 1)));
        await Parallel.ForEachAsync(Enumerable.Range(0, Creditors), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var creditor = SeededMeeting.Creditor(i);
            var claim = await caseGrain.DeclareClaim(new DeclareClaim(creditor, ClaimClass.Ordinary, SeededMeeting.AmountOf(i), 0, 0, 0, null, creditor));
            await caseGrain.StartReview(new StartClaimReview(claim.ClaimId, "admin-wang"));
            await caseGrain.ReviewClaim(new ReviewClaim(claim.ClaimId, ClaimDecision.Confirm, 0, "", "admin-wang"));
        });
        meeting = grains.Get<IMeetingGrain>(MeetingId);
        await meeting.Schedule(new ScheduleMeeting(CaseId, "第一次债权人会议", DateTimeOffset.UtcNow,
            [new ResolutionDraft("r1", "财产管理方案", ResolutionKind.PropertyManagementPlan)], VotingRuleSet.PrcEbl, TallyVisibility.Live, "admin-wang"));
        await meeting.OpenVoting("r1", "admin-wang");
        ledgerSizeAtStart = await LedgerSizeAsync();
        acknowledged = 0;
        Console.WriteLine($"// setup: case {CaseId} with {Creditors:N0} confirmed creditors, voting open; ledger at {ledgerSizeAtStart:N0} entries");
    }

    private async Task CleanupAsync()
    {
        var grown = await LedgerSizeAsync() - ledgerSizeAtStart;
        Console.WriteLine($"// check: {acknowledged:N0} ballots acknowledged, the case's ledger grew by {grown:N0} entries");
        await server.DisposeAsync();
        await database.DisposeAsync();
        if (grown != acknowledged)
            throw new InvalidOperationException($"the ledger grew by {grown} entries for {acknowledged} acknowledged ballots");
    }

    private async Task<long> LedgerSizeAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from ledger_entry where case_id = $1", connection);
        count.Parameters.Add(new() { Value = CaseId });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
