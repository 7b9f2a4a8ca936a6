namespace CaseGrains.Load.Reporting;

/// <summary>
/// CPU time per operation over a measured span, in microseconds: the generator (with the server when it runs in the
/// generator's process), the server's own process and PostgreSQL, where known; and how much of the machine's CPU
/// time was idle (waiting included) or taken by its host.
/// </summary>
/// <param name="ServerCounted">The server's CPU time is counted: in its own figure, or in the generator's when it runs in that process.</param>
public sealed record CpuUse(long Operations, double Seconds, double GeneratorMicroseconds, double? ServerMicroseconds, double? DatabaseMicroseconds,
    double? MachineIdlePercent, double? StolenPercent, bool ServerCounted = true)
{
    public double TotalMicroseconds => Math.Round(GeneratorMicroseconds + (ServerMicroseconds ?? 0) + (DatabaseMicroseconds ?? 0), 1);

    /// <summary>The server and PostgreSQL are both in the figures: a cost to compare with another scenario's.</summary>
    public bool EveryProcessCounted => ServerCounted && DatabaseMicroseconds is not null;

    /// <summary>
    /// Several measured spans of one kind of operation as one: each figure per operation weighted by the span's
    /// operations, the idle and stolen shares by its seconds; a figure one span lacks is unknown for all.
    /// </summary>
    public static CpuUse? Pool(IReadOnlyList<CpuUse?> spans)
    {
        if (spans.Count == 0 || spans.Any(s => s is null)) return null;
        var all = spans.Select(s => s!).ToList();
        var operations = all.Sum(s => s.Operations);
        if (operations == 0) return null;
        var seconds = all.Sum(s => s.Seconds);
        double PerOperation(Func<CpuUse, double> figure) => Math.Round(all.Sum(s => figure(s) * s.Operations) / operations, 1);
        double? PerOperationIfKnown(Func<CpuUse, double?> figure) => all.All(s => figure(s) is not null) ? PerOperation(s => figure(s)!.Value) : null;
        double? ShareIfKnown(Func<CpuUse, double?> share) =>
            all.All(s => share(s) is not null) && seconds > 0 ? Math.Round(all.Sum(s => share(s)!.Value * s.Seconds) / seconds, 1) : null;
        return new CpuUse(operations, Math.Round(seconds, 2), PerOperation(s => s.GeneratorMicroseconds), PerOperationIfKnown(s => s.ServerMicroseconds),
            PerOperationIfKnown(s => s.DatabaseMicroseconds), ShareIfKnown(s => s.MachineIdlePercent), ShareIfKnown(s => s.StolenPercent), all.All(s => s.ServerCounted));
    }
}
