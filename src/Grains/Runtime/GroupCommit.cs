namespace CaseGrains.Runtime;

/// <summary>
/// Gathers the facts a grain accepts while a commit is under way and commits them together in one transaction of its
/// own turn. Each caller's task completes only after its fact committed: an acknowledged fact is never lost.
/// <see cref="Add"/> runs inside a turn; the caller then waits with <see cref="Grain.AfterTurn{T}"/> so that more
/// calls can join the next batch. When a commit fails the batch fails and the activation is dropped, so the
/// in-memory state is rebuilt from what really committed.
/// </summary>
public sealed class GroupCommit<TFact>(
    IGrainContext context,
    IFactLog<TFact> log,
    Action<IReadOnlyList<TFact>, IReadOnlyList<long>> onCommitted,
    int maxBatch = 2000) where TFact : class
{
    private readonly List<(TFact Fact, TaskCompletionSource<long> Done)> pending = [];
    private bool flushScheduled;

    public int Pending => pending.Count;

    public Task<long> Add(TFact fact)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending.Add((fact, done));
        if (!flushScheduled)
        {
            flushScheduled = true;
            context.ScheduleTurn(FlushScheduledAsync);
        }
        return done.Task;
    }

    /// <summary>Commits everything pending now, inside the current turn (closing a vote, deactivating).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (pending.Count > 0)
            await CommitBatchAsync(cancellationToken);
    }

    private async Task FlushScheduledAsync()
    {
        flushScheduled = false;
        if (pending.Count == 0) return;
        await CommitBatchAsync(CancellationToken.None);
        if (pending.Count > 0 && !flushScheduled)
        {
            flushScheduled = true;
            context.ScheduleTurn(FlushScheduledAsync);
        }
    }

    private async Task CommitBatchAsync(CancellationToken cancellationToken)
    {
        var take = Math.Min(pending.Count, maxBatch);
        var batch = pending.GetRange(0, take);
        pending.RemoveRange(0, take);
        var facts = new TFact[batch.Count];
        for (var i = 0; i < batch.Count; i++) facts[i] = batch[i].Fact;

        IReadOnlyList<long> positions;
        try
        {
            positions = await log.AppendAsync(facts, cancellationToken);
        }
        catch (Exception e)
        {
            foreach (var (_, done) in batch) done.TrySetException(e);
            foreach (var (_, done) in pending) done.TrySetException(e);
            pending.Clear();
            context.DeactivateOnIdle();
            throw;
        }

        onCommitted(facts, positions);
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(positions[i]);
    }
}
