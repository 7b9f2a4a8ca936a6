using CaseGrains.Runtime;

namespace CaseGrains.Sharing;

/// <summary>
/// The data source departments share into a case (信息共享): per catalogue resource and department, the newest
/// snapshot, and every batch received with its quality report and its differences from the one before. Keyed by case id.
/// </summary>
public interface ISharedDataGrain : IGrainWithStringKey
{
    /// <summary>Checks a batch record by record, keeps the good records, compares them with the last snapshot and records the batch in the ledger.</summary>
    Task<DataBatchRecorded> Receive(ReceiveDataBatch batch);

    /// <summary>The newest snapshot of every resource shared into the case.</summary>
    Task<IReadOnlyList<ResourceSnapshot>> GetSnapshots();

    /// <summary>Every batch received, newest first.</summary>
    Task<IReadOnlyList<DataBatchReport>> GetBatches();
}
