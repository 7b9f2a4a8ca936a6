using System.Globalization;
using CaseGrains.Load.Departments;
using CaseGrains.Load.Reporting;
using CaseGrains.Load.Targets;

namespace CaseGrains.Load.Cli;

/// <summary>tax-burst: departments declare claims into many cases at once.</summary>
public static class TaxBurstCommand
{
    public static TaxBurstOptions Options(Arguments args) => new()
    {
        Departments = args.Int("departments", 4),
        Cases = args.Int("cases", 20),
        Rate = args.Int("rate", args.Text("concurrency") is null ? 200 : 0),
        Concurrency = args.Int("concurrency", 0),
        RampSeconds = args.Double("ramp", 0),
        DurationSeconds = args.Double("duration", 10),
        WarmUpSeconds = args.Double("warmup", 0),
        Retries = args.Int("retries", 3),
        ConnectionsPerDepartment = Pool(args.Int("connections", 16)),
        ResendFraction = Share(args.Double("resend-fraction", 0.1)),
    };

    private static int Pool(int connections) => connections >= 1
        ? connections
        : throw new ArgumentException($"--connections takes 1 or more connections per department, not {connections}.");

    private static double Share(double fraction) => fraction is >= 0 and <= 1
        ? fraction
        : throw new ArgumentException($"--resend-fraction takes a share from 0 to 1, not {fraction.ToString(CultureInfo.InvariantCulture)}.");

    public static async Task<int> RunAsync(RunSetup setup, TaxBurstOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var settings = (Dictionary<string, string>)setup.Report.Settings;
        settings["scenario"] = options.Describe();
        settings["departments"] = options.Departments.ToString(CultureInfo.InvariantCulture);
        settings["cases"] = options.Cases.ToString(CultureInfo.InvariantCulture);
        settings["generator"] = setup.Generator;
        setup.Report.Notes.Add("Departments declare through the signed machine API (/machine/v1, RFC 9421 hmac-sha256, Idempotency-Key) with keys the platform issued them.");
        await using var database = setup.Url is null ? await EmbeddedDatabase.StartAsync() : null;
        await using var target = await setup.StartAsync(database, "real path", baseline: false);
        var run = new ServerRun { Label = "real path", Target = target.Description, ServerSettings = target.ServerSettings };
        setup.Report.Runs.Add(run);
        await new TaxBurstRun(target, options, log).RunAsync(run, cancellationToken);
        return await setup.FinishAsync(log);
    }
}
