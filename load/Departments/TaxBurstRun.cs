using CaseGrains.DepartmentClient;
using CaseGrains.WebFront.MachineApi.Keys;
using System.Collections.Concurrent;
using System.Diagnostics;
using CaseGrains.Claims;
using CaseGrains.Departments;
using CaseGrains.Load.Engine;
using CaseGrains.Load.Reporting;
using CaseGrains.Load.Seeding;
using CaseGrains.Load.Targets;

namespace CaseGrains.Load.Departments;

/// <summary>
/// The tax bureau burst: several departments declare claims into many open cases at once; an answer that invites a
/// retry is retried with the same Idempotency-Key, and a share of the acknowledged declarations is sent again with
/// their key as if the answer had been lost on the way. Checked after: every acknowledged claim is in its case, no
/// retry or resend made a second claim, and every resend got the first answer's claim back.
/// </summary>
public sealed class TaxBurstRun(LoadTarget target, TaxBurstOptions options, TextWriter log)
{
    public const string DeclareStep = "declare (department claim, first try)";
    public const string RetryStep = "declare again (same Idempotency-Key)";
    public const string ResendStep = "declare again after a lost answer (same Idempotency-Key)";
    private readonly ConcurrentDictionary<string, ConcurrentBag<string>> acknowledged = new(StringComparer.Ordinal);
    private long retried;
    private long gaveUp;
    private long resent;
    private long resentOtherClaim;

    public async Task<TaxBurstOutcome> RunAsync(ServerRun run, CancellationToken cancellationToken = default)
    {
        using var api = new ApiClient(target.Address, maxConnections: 128);
        var setup = new StatsCollector();
        var clock = Stopwatch.StartNew();
        var platformToken = await api.SignInAsync("admin", target.AdminPassword, null);
        var departments = Enumerable.Range(0, options.Departments).Select(d => $"{options.RunTag}-tax{d:D2}").ToList();
        foreach (var code in departments)
            await setup.MeasureAsync("seed: register department", async () =>
            {
                await api.PutAsync<DepartmentRegistration>(platformToken, $"/api/departments/{code}", new DepartmentRegistration($"国家税务总局 {code}", "tax"));
                return Response.Ok();
            });
        var seeder = new MeetingSeeder(api, setup, 8);
        var cases = new List<(string CaseId, string JudgeToken)>();
        log.WriteLine($"[{target.Description}] opening {options.Cases} cases and registering {options.Departments} departments");
        foreach (var c in Enumerable.Range(0, options.Cases))
        {
            var caseId = $"{options.RunTag}-c{c:D3}";
            var (judge, _) = await seeder.OpenCaseAsync(platformToken, caseId);
            cases.Add((caseId, judge.Token));
        }
        run.SetupSeconds = Math.Round(clock.Elapsed.TotalSeconds, 1);
        run.Setup.AddRange(setup.Report(clock.Elapsed));

        var clients = new Dictionary<string, DepartmentApiClient>(StringComparer.Ordinal);
        foreach (var code in departments)
        {
            var key = await api.PostAsync<IssuedDepartmentKey>(platformToken, $"/api/departments/{code}/keys", new { });
            var pool = new SocketsHttpHandler { MaxConnectionsPerServer = options.ConnectionsPerDepartment };
            clients[code] = new DepartmentApiClient(new HttpClient(pool) { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(60) },
                key.KeyId, DepartmentApiClient.DecodeSecret(key.Secret));
        }
        var channel = new MachineDepartmentChannel(clients);
        run.Checks.Add(new Check("department channel", true, channel.Describe()));
        var scenario = new Scenario("tax burst", context => DeclareAsync(context, channel, departments, cases))
        {
            WarmUp = TimeSpan.FromSeconds(options.WarmUpSeconds),
            Simulations = Simulations(),
            Cpu = target.Cpu,
        };
        log.WriteLine($"[{target.Description}] burst: {string.Join("; ", scenario.Simulations.Select(s => s.Describe()))}");
        run.Scenarios.Add(await ScenarioRunner.RunAsync(scenario, cancellationToken));

        long missing = 0, duplicates = 0, total = 0;
        foreach (var (caseId, judgeToken) in cases)
        {
            var stored = await api.GetAsync<List<ClaimView>>(judgeToken, $"/api/cases/{caseId}/claims");
            var storedIds = stored.Select(c => c.ClaimId).ToHashSet(StringComparer.Ordinal);
            var acked = acknowledged.GetValueOrDefault(caseId)?.ToList() ?? [];
            total += acked.Count;
            missing += acked.Count(id => !storedIds.Contains(id));
            duplicates += Math.Max(0, stored.Count - acked.Count);
        }
        run.Checks.Add(new Check("every acknowledged declaration is stored in its case", missing == 0, $"{total:N0} acknowledged, {missing} missing"));
        run.Checks.Add(new Check("no retry declared twice", duplicates == 0,
            $"{duplicates} claims stored beyond the acknowledged ones; {Interlocked.Read(ref retried):N0} retries, {Interlocked.Read(ref gaveUp):N0} declarations given up after {options.Retries} retries, " +
            $"{Interlocked.Read(ref resent):N0} sent again after their answer"));
        run.Checks.Add(new Check("a declaration sent again after a lost answer gets the first claim back", Interlocked.Read(ref resentOtherClaim) == 0,
            $"{Interlocked.Read(ref resent):N0} sent again with their key, {Interlocked.Read(ref resentOtherClaim)} answered with another claim or refused"));
        return new TaxBurstOutcome(total, missing, duplicates, Interlocked.Read(ref resent), Interlocked.Read(ref resentOtherClaim));
    }

    private LoadSimulation[] Simulations()
    {
        var during = TimeSpan.FromSeconds(options.DurationSeconds);
        var ramp = TimeSpan.FromSeconds(options.RampSeconds);
        if (options.Rate > 0)
            return options.RampSeconds > 0
                ? [Simulation.RampingInject(options.Rate, TimeSpan.FromSeconds(1), ramp), Simulation.Inject(options.Rate, TimeSpan.FromSeconds(1), during)]
                : [Simulation.Inject(options.Rate, TimeSpan.FromSeconds(1), during)];
        var copies = Math.Max(1, options.Concurrency);
        return options.RampSeconds > 0 ? [Simulation.RampingConstant(copies, ramp), Simulation.KeepConstant(copies, during)] : [Simulation.KeepConstant(copies, during)];
    }

    private async Task DeclareAsync(ScenarioContext context, IDepartmentChannel channel, List<string> departments, List<(string CaseId, string JudgeToken)> cases)
    {
        var n = context.InvocationNumber;
        var department = departments[(int)(n % departments.Count)];
        var caseId = cases[(int)(n / departments.Count % cases.Count)].CaseId;
        var key = Guid.NewGuid().ToString("N");
        var principal = 1_000_00L * (1 + n % 1000);
        DepartmentAnswer? answer = null;
        await Step.Run(DeclareStep, context, async () => (answer = await channel.DeclareAsync(department, caseId, principal, key, context.CancellationToken)).Response);
        for (var attempt = 0; answer is { Response.IsOk: false, Retryable: true } && attempt < options.Retries; attempt++)
        {
            Interlocked.Increment(ref retried);
            await Task.Delay(TimeSpan.FromMilliseconds(50 << attempt));
            await Step.Run(RetryStep, context, async () => (answer = await channel.DeclareAsync(department, caseId, principal, key, context.CancellationToken)).Response);
        }
        if (answer is { Response.IsOk: true, ClaimId: { } claimId })
        {
            acknowledged.GetOrAdd(caseId, _ => []).Add(claimId);
            if (Random.Shared.NextDouble() < options.ResendFraction) await ResendAsync(context, channel, department, caseId, principal, key, claimId);
        }
        else if (answer?.Retryable == true)
        {
            Interlocked.Increment(ref gaveUp);
        }
    }

    /// <summary>The department's system did not hear the answer (a dropped connection, a crash) and declares again with the same key.</summary>
    private async Task ResendAsync(ScenarioContext context, IDepartmentChannel channel, string department, string caseId, long principal, string key, string claimId)
    {
        Interlocked.Increment(ref resent);
        DepartmentAnswer? again = null;
        await Step.Run(ResendStep, context, async () => (again = await channel.DeclareAsync(department, caseId, principal, key, context.CancellationToken)).Response);
        if (again is not { Response.IsOk: true } || again.ClaimId != claimId) Interlocked.Increment(ref resentOtherClaim);
    }
}
