namespace CaseGrains.Runtime;

/// <summary>
/// A grain's append-only log of high-rate facts (ballots, claim events), stored as rows: appending never rewrites
/// what is there. A batch is one transaction; facts that are also ledger facts get their ledger entries in it.
/// Writes are fenced: after another activation of the same grain took over, appends fail with
/// <see cref="InconsistentStateException"/>. A grain takes it as a constructor parameter.
/// </summary>
public interface IFactLog<TFact> where TFact : class
{
    Task<IReadOnlyList<TFact>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Every fact in order with the ledger position it was given (-1 for a fact with no ledger entry).</summary>
    Task<IReadOnlyList<LoggedFact<TFact>>> ReadLoggedAsync(CancellationToken cancellationToken = default);

    /// <summary>Commits the facts in one transaction; returns each fact's ledger position, or -1 if it has none.</summary>
    Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<TFact> facts, CancellationToken cancellationToken = default);
}
