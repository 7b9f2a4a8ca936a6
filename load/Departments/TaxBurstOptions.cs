namespace CaseGrains.Load.Departments;

/// <summary>How a tax-burst run goes: departments declaring claims into many cases at once, retrying with the same key.</summary>
public sealed record TaxBurstOptions
{
    public int Departments { get; init; } = 4;
    public int Cases { get; init; } = 20;

    /// <summary>Declarations per second offered (open model); 0 to use <see cref="Concurrency"/>.</summary>
    public int Rate { get; init; } = 200;

    public int Concurrency { get; init; }
    public double RampSeconds { get; init; }
    public double DurationSeconds { get; init; } = 10;
    public double WarmUpSeconds { get; init; }

    /// <summary>Tries after the first, with the same Idempotency-Key, when the answer says trying again makes sense.</summary>
    public int Retries { get; init; } = 3;

    /// <summary>
    /// Connections each department keeps to the server, as its system's HTTP pool would; declarations beyond them wait
    /// in the client, and that wait counts in their latency. Unbounded, an overloaded burst opened a connection per
    /// waiting declaration (15,000 in 20 s), and a longer run died on the way to the limit of file descriptors.
    /// </summary>
    public int ConnectionsPerDepartment { get; init; } = 16;

    /// <summary>Share of acknowledged declarations sent again with their key, as after an answer lost on the way.</summary>
    public double ResendFraction { get; init; } = 0.1;

    public string RunTag { get; init; } = $"tx{DateTime.UtcNow:yyMMddHHmmss}";

    public string Describe() =>
        $"{Departments} department(s) into {Cases} case(s), " + (Rate > 0 ? $"{Rate} declarations/s" : $"{Concurrency} in flight") +
        (RampSeconds > 0 ? $" after a {RampSeconds:0.#} s ramp" : "") + $" for {DurationSeconds:0.#} s, up to {Retries} retries with the same key, {ResendFraction:P0} sent again after their answer, " +
        $"{ConnectionsPerDepartment} connection(s) per department";
}
