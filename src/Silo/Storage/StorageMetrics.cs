using System.Diagnostics.Metrics;

namespace CaseGrains.Silo.Storage;

/// <summary>
/// How long the grain store's fact commits take (the group commits every acknowledged ballot waits for), published on
/// the <c>CaseGrains.Storage</c> meter for dotnet-counters, OpenTelemetry and the load generator.
/// </summary>
public sealed class StorageMetrics
{
    public const string MeterName = "CaseGrains.Storage";
    public const string FactCommitDuration = "casegrains.storage.fact_commit.duration";
    public const string FactCommitSize = "casegrains.storage.fact_commit.facts";

    private readonly Histogram<double> factCommits;
    private readonly Histogram<int> factsPerCommit;

    public StorageMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        factCommits = meter.CreateHistogram<double>(FactCommitDuration, "ms",
            "From opening the connection until the commit of one batch of facts returned.");
        factsPerCommit = meter.CreateHistogram<int>(FactCommitSize, "{fact}", "How many facts one commit carried (a group commit's batch).");
    }

    // The batch size is an instrument of its own, not a tag: a tag per size would make a time series per size.
    public void FactsCommitted(TimeSpan elapsed, int facts)
    {
        factCommits.Record(elapsed.TotalMilliseconds);
        factsPerCommit.Record(facts);
    }
}
