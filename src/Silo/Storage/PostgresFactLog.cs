using System.Text.Json;
using CaseGrains.Ledger;
using CaseGrains.Silo.Activations;

namespace CaseGrains.Silo.Storage;

/// <summary>A grain's fact log bound to its rows; numbers facts in order and derives ledger records from ledger facts.</summary>
internal sealed class PostgresFactLog<TFact>(IGrainStore store, GrainId id, GrainLease lease) : IFactLog<TFact> where TFact : class
{
    private long nextSeq = lease.FactCount + 1;

    public async Task<IReadOnlyList<TFact>> ReadAllAsync(CancellationToken cancellationToken = default) =>
        [.. (await ReadLoggedAsync(cancellationToken)).Select(f => f.Fact)];

    public async Task<IReadOnlyList<LoggedFact<TFact>>> ReadLoggedAsync(CancellationToken cancellationToken = default)
    {
        var rows = await store.ReadFactsAsync(id, cancellationToken);
        var facts = new LoggedFact<TFact>[rows.Count];
        for (var i = 0; i < rows.Count; i++)
            facts[i] = new LoggedFact<TFact>(JsonSerializer.Deserialize<TFact>(rows[i].Json, StorageJson.Options)
                ?? throw new InvalidDataException($"{id}: fact {i + 1} is empty"), rows[i].LedgerPosition);
        nextSeq = rows.Count + 1;
        return facts;
    }

    public async Task<IReadOnlyList<long>> AppendAsync(IReadOnlyList<TFact> facts, CancellationToken cancellationToken = default)
    {
        var rows = new FactRow[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            var ledger = fact is ILedgerFact l
                ? new LedgerRecord(l.CaseId, l.At, l.Actor, l.LedgerKind, CanonicalJson.Serialize(l.LedgerData, l.LedgerData.GetType()))
                : null;
            var outbox = fact is IOutboxFact { Outbox: { } o }
                ? new OutboxRecord(o.Recipient, o.Kind, o.CaseId, JsonSerializer.SerializeToUtf8Bytes(o.Data, o.Data.GetType(), StorageJson.Outbox))
                : null;
            rows[i] = new FactRow(JsonSerializer.SerializeToUtf8Bytes(fact, StorageJson.Options), ledger, outbox);
        }
        var positions = await store.AppendFactsAsync(id, lease.Epoch, nextSeq, rows, cancellationToken);
        nextSeq += facts.Count;
        return positions;
    }
}
