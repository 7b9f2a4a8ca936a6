using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseGrains.Load.Engine;

namespace CaseGrains.Load.Reporting;

/// <summary>Writes a run's report as report.json and report.md into a folder of its own.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task<string> WriteAsync(RunReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(report, Json));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), Markdown(report));
        return folder;
    }

    public static string Markdown(RunReport r)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# Load run: {r.Scenario} — {(r.Passed ? "PASSED" : "FAILED")}");
        md.AppendLine();
        md.AppendLine(c, $"- Started: {r.StartedAt:u}");
        md.AppendLine(c, $"- Command: `{r.CommandLine}`");
        md.AppendLine(c, $"- Commit: {r.Git.Commit ?? "unknown"} ({r.Git.Branch}{(r.Git.Dirty == true ? ", with uncommitted changes" : "")})");
        var m = r.Machine;
        md.AppendLine(c, $"- Machine: {m.Cores} cores ({m.CpuModel}), {m.MemoryMegabytes:N0} MB, {m.OperatingSystem}, {m.DotNet} {m.Architecture}, server GC {m.ServerGc}");
        md.AppendLine(c, $"- Load average (1/5/15 min) at start: {string.Join(" / ", m.LoadAverageAtStart)}; at end: {string.Join(" / ", r.LoadAverageAtEnd)} — other processes share these cores.");
        md.AppendLine();
        md.AppendLine("## Settings");
        md.AppendLine();
        md.AppendLine("| Setting | Value |");
        md.AppendLine("|---|---|");
        foreach (var (k, v) in r.Settings) md.AppendLine(c, $"| {k} | {v} |");
        md.AppendLine();

        if (r.Targets.Count > 0)
        {
            md.AppendLine("## Targets");
            md.AppendLine();
            md.AppendLine("| Target | Measured | Met |");
            md.AppendLine("|---|---|---|");
            foreach (var t in r.Targets) md.AppendLine(c, $"| {t.Target} | {t.Measured} | {(t.Met is null ? "not measured" : t.Met.Value ? "yes" : "**no**")} |");
            md.AppendLine();
        }
        if (r.Comparisons.Count > 0)
        {
            md.AppendLine("## Comparisons (same run, same generator)");
            md.AppendLine();
            md.AppendLine("| Comparison | Numerator | Denominator | Ratio |");
            md.AppendLine("|---|---:|---:|---:|");
            foreach (var x in r.Comparisons) md.AppendLine(c, $"| {x.Name} | {x.Numerator:N1} {x.Unit} | {x.Denominator:N1} {x.Unit} | {x.Ratio:0.00} |");
            md.AppendLine();
        }

        foreach (var run in r.Runs)
        {
            md.AppendLine(c, $"## Server: {run.Label}");
            md.AppendLine();
            md.AppendLine(c, $"Target: {run.Target}. Server settings: {string.Join(", ", run.ServerSettings.Select(s => $"`{s.Key}={s.Value}`"))}");
            md.AppendLine();
            if (run.Setup.Count > 0)
            {
                md.AppendLine(c, $"### Setup through the API ({run.SetupSeconds:0.0} s)");
                md.AppendLine();
                StepTable(md, run.Setup);
            }
            foreach (var s in run.Scenarios)
            {
                md.AppendLine(c, $"### Scenario {s.Name}");
                md.AppendLine();
                var dropped = s.Dropped > 0 ? string.Create(c, $", **{s.Dropped:N0} dropped by the generator's in-flight limit**") : "";
                var unfinished = s.Unfinished > 0 ? string.Create(c, $", **{s.Unfinished:N0} still unfinished at the drain time-out**") : "";
                md.AppendLine(c, $"Load: {string.Join("; then ", s.Simulations)}; warm-up {s.WarmUpSeconds:0.#} s. Measured {s.DurationSeconds:0.00} s " +
                                 $"(of which {s.DrainSeconds:0.000} s waiting for the last in-flight calls); {s.Started:N0} invocations started{dropped}{unfinished}.");
                md.AppendLine();
                StepTable(md, s.Steps);
                if (s.Cpu is { } cpu) md.AppendLine(CpuLine(cpu)).AppendLine();
                foreach (var step in s.Steps.Where(x => x.Errors.Count > 0))
                {
                    md.AppendLine(c, $"Errors of {step.Name}:");
                    foreach (var (error, count) in step.Errors) md.AppendLine(c, $"- {count:N0} × `{error}`");
                    md.AppendLine();
                }
            }
            if (run.Rounds.Count > 0)
            {
                md.AppendLine("### Rounds: no-op and vote slices alternating");
                md.AppendLine();
                md.AppendLine("| Round | order | no-op hub calls ok/s | votes ok/s | votes ÷ no-op |");
                md.AppendLine("|---:|---|---:|---:|---:|");
                foreach (var round in run.Rounds)
                    md.AppendLine(c, $"| {round.Number} | {(round.NoopFirst ? "no-op, vote" : "vote, no-op")} | {round.NoopOkPerSecond:N1} | {round.VoteOkPerSecond:N1} | {round.Ratio:0.000} |");
                md.AppendLine();
            }
            if (run.Measures.Count > 0)
            {
                md.AppendLine("### Measures");
                md.AppendLine();
                md.AppendLine("| Measure | count | min | mean | p50 | p75 | p95 | p99 | max (ms) |");
                md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
                foreach (var x in run.Measures)
                {
                    var l = x.Latency;
                    md.AppendLine(c, $"| {x.Name} | {l.Count:N0} | {l.MinMs:0.00} | {l.MeanMs:0.00} | {l.P50Ms:0.00} | {l.P75Ms:0.00} | {l.P95Ms:0.00} | {l.P99Ms:0.00} | {l.MaxMs:0.00} |");
                }
                md.AppendLine();
                foreach (var x in run.Measures)
                {
                    md.AppendLine(c, $"- **{x.Name}**: {x.Definition}");
                    if (x.Counts is { Count: > 0 }) md.AppendLine(c, $"  ({string.Join(", ", x.Counts.Select(p => $"{p.Key}: {p.Value:N0}"))})");
                }
                md.AppendLine();
            }
            if (run.Checks.Count > 0)
            {
                md.AppendLine("### Checks");
                md.AppendLine();
                foreach (var check in run.Checks) md.AppendLine(c, $"- {(check.Passed ? "✔" : "✘ **FAILED**")} {check.Name}: {check.Detail}");
                md.AppendLine();
            }
        }
        if (r.Notes.Count > 0)
        {
            md.AppendLine("## Notes");
            md.AppendLine();
            foreach (var n in r.Notes) md.AppendLine(c, $"- {n}");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static void StepTable(StringBuilder md, IEnumerable<StepReport> steps)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("| Step | ok | failed | req/s | ok/s | sustained ok/s | min | mean | p50 | p75 | p95 | p99 | max (ms) | bytes |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in steps)
        {
            var l = s.Latency;
            md.AppendLine(c, $"| {s.Name} | {s.Ok:N0} | {s.Failed:N0} | {s.RequestsPerSecond:N1} | {s.OkPerSecond:N1} | {(s.SustainedOkPerSecond is { } v ? v.ToString("N0", c) : "–")} | " +
                             $"{l.MinMs:0.00} | {l.MeanMs:0.00} | {l.P50Ms:0.00} | {l.P75Ms:0.00} | {l.P95Ms:0.00} | {l.P99Ms:0.00} | {l.MaxMs:0.00} | {Bytes(s.Bytes)} |");
        }
        md.AppendLine();
    }

    private static string Bytes(long bytes) => bytes switch
    {
        0 => "–",
        >= 1 << 30 => $"{bytes / (double)(1 << 30):0.0} GiB",
        >= 1 << 20 => $"{bytes / (double)(1 << 20):0.0} MiB",
        >= 1 << 10 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes} B",
    };

    private static string CpuLine(CpuUse cpu)
    {
        var c = CultureInfo.InvariantCulture;
        var generator = cpu.ServerMicroseconds is not null ? "" : cpu.ServerCounted ? " (the server runs in its process)" : " (the server's CPU time is not known here)";
        var parts = new List<string> { string.Create(c, $"generator {cpu.GeneratorMicroseconds:N1}{generator}") };
        if (cpu.ServerMicroseconds is { } server) parts.Add(string.Create(c, $"server {server:N1}"));
        if (cpu.DatabaseMicroseconds is { } database) parts.Add(string.Create(c, $"PostgreSQL {database:N1}"));
        var machine = cpu.MachineIdlePercent is { } idle ? string.Create(c, $"; the machine's CPUs were idle {idle:0.0}% of the time, {cpu.StolenPercent:0.0}% taken by its host") : "";
        return string.Create(c, $"CPU time per successful operation (µs): {string.Join(", ", parts)}; {cpu.TotalMicroseconds:N1} in all, over {cpu.Seconds:0.0} s{machine}.");
    }
}
