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
}
