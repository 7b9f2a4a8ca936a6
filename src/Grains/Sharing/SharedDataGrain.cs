using System.Security.Cryptography;
using CaseGrains.Cases;
using CaseGrains.Ledger;
using CaseGrains.Live;
using CaseGrains.Runtime;

namespace CaseGrains.Sharing;

/// <summary>
/// What source departments shared into one case, rebuilt from its batches on activation. A batch is a department's
/// full snapshot of one resource: records it no longer sends are removed, except that a record rejected for its
/// quality keeps its previous value, so a bad line never erases good data.
/// </summary>
public sealed class SharedDataGrain(IFactLog<DataBatchReceived> facts, ILiveUpdates live, TimeProvider clock) : Grain, ISharedDataGrain
{
    private readonly Dictionary<(string Resource, string Department), DataBatchReceived> latest = [];
    private readonly List<DataBatchReport> batches = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var fact in await facts.ReadAllAsync(cancellationToken)) Apply(fact);
    }

    public async Task<DataBatchRecorded> Receive(ReceiveDataBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var resource = SharingCatalogue.Find(batch.Resource)
            ?? throw RuleViolationException.NotFound("resource", $"The sharing catalogue has no resource {batch.Resource}.");
        if (batch.DepartmentKind != resource.SourceKind)
            throw RuleViolationException.NotAllowed("resource", $"{resource.Code} is shared by {resource.SourceKind} departments, not by {batch.DepartmentKind}.");
        if (batch.Records is null) throw RuleViolationException.Invalid("records", "A batch carries a list of records.");
        if (batch.Records.Count > DataQuality.MaxRecords)
            throw RuleViolationException.Invalid("records", $"A batch carries at most {DataQuality.MaxRecords:N0} records.");
        if (batch.Reference is { Length: > 100 }) throw RuleViolationException.Invalid("reference", "A reference has at most 100 characters.");
        if (await GrainFactory.Get<ICaseGrain>(Key).GetAccess() is null) throw RuleViolationException.NotFound("caseId", $"There is no case {Key}.");

        var (kept, problems) = DataQuality.Check(resource, batch.Records);
        var previous = latest.GetValueOrDefault((resource.Code, batch.Department))?.Snapshot ?? [];
        var rejectedKeys = problems.Where(p => p.Key is not null).Select(p => p.Key!).ToHashSet(StringComparer.Ordinal);
        var keptKeys = kept.Select(r => r[resource.KeyField]).ToHashSet(StringComparer.Ordinal);
        var snapshot = kept.Concat(previous.Where(r => rejectedKeys.Contains(r[resource.KeyField]) && !keptKeys.Contains(r[resource.KeyField]))).ToList();
        var report = new DataBatchReport($"{resource.Code}-{batches.Count + 1}", resource.Code, batch.Department, batch.Reference, clock.GetUtcNow(),
            batch.Records.Count, kept.Count, problems, DataComparison.Compare(resource.KeyField, previous, snapshot),
            Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(kept))))
        {
            CaseId = Key,
        };
        var fact = new DataBatchReceived(Key, $"dept-{batch.Department}", report.ReceivedAt, report, snapshot);
        var positions = await facts.AppendAsync([fact]);
        Apply(fact);
        live.Publish(new LiveUpdate(LiveUpdate.CaseStaffGroup(Key), "sharedData", report.BatchId, report));
        return new DataBatchRecorded(report, positions[0]);
    }

    public Task<IReadOnlyList<ResourceSnapshot>> GetSnapshots() => Task.FromResult<IReadOnlyList<ResourceSnapshot>>(latest.Values
        .OrderBy(f => f.Report.Resource, StringComparer.Ordinal).ThenBy(f => f.Report.Department, StringComparer.Ordinal)
        .Select(f => new ResourceSnapshot(f.Report.Resource, f.Report.Department, f.Report.BatchId, f.At, f.Snapshot))
        .ToList());

    public Task<IReadOnlyList<DataBatchReport>> GetBatches() => Task.FromResult<IReadOnlyList<DataBatchReport>>(batches.AsEnumerable().Reverse().ToList());

    private void Apply(DataBatchReceived fact)
    {
        latest[(fact.Report.Resource, fact.Report.Department)] = fact;
        batches.Add(fact.Report);
    }
}
