namespace CaseGrains.Runtime;

/// <summary>
/// Gathers the facts a grain accepts while a commit is under way and commits them together in one transaction of its
/// own turn. Each caller's task completes only after its fact committed: an acknowledged fact is never lost.
/// <see cref="Add"/> runs inside a turn; the caller then waits with <see cref="Grain.AfterTurn{T}"/> so that more
/// calls can join the next batch. When a commit fails the batch fails and the activation is dropped, so the
/// in-memory state is rebuilt from what really committed.
/// </summary>
/// <remarks>
/// A range added with <see cref="AddRange"/> is never split: it commits in one transaction, all or nothing, even when
/// it is larger than <c>maxBatch</c> (a representative voting for fifty thousand principals at once).
/// </remarks>
public sealed class GroupCommit<TFact>(
    IGrainContext context,
    IFactLog<TFact> log,
    Action<IReadOnlyList<TFact>, IReadOnlyList<long>> onCommitted,
    int maxBatch = 2000) where TFact : class
{
    private readonly List<Entry> pending = [];
    private int pendingFacts;
    private bool flushScheduled;

    public int Pending => pendingFacts;

    public Task<long> Add(TFact fact)
    {
        var done = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Entry([fact], done, null));
        return done.Task;
    }

    /// <summary>Adds facts that commit together; the task gives their ledger positions in the same order.</summary>
    public Task<IReadOnlyList<long>> AddRange(IReadOnlyList<TFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        if (facts.Count == 0) return Task.FromResult<IReadOnlyList<long>>([]);
        var done = new TaskCompletionSource<IReadOnlyList<long>>(TaskCreationOptions.RunContinuationsAsynchronously);
        Enqueue(new Entry([.. facts], null, done));
        return done.Task;
    }

    /// <summary>Commits everything pending now, inside the current turn (closing a vote, deactivating).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (pending.Count > 0)
            await CommitBatchAsync(cancellationToken);
    }

    private void Enqueue(Entry entry)
    {
        pending.Add(entry);
        pendingFacts += entry.Facts.Length;
        if (!flushScheduled)
        {
            flushScheduled = true;
            context.ScheduleTurn(FlushScheduledAsync);
        }
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
        var take = 0;
        var count = 0;
        while (take < pending.Count && (take == 0 || count + pending[take].Facts.Length <= maxBatch))
        {
            count += pending[take].Facts.Length;
            take++;
        }
        var batch = pending.GetRange(0, take);
        pending.RemoveRange(0, take);
        pendingFacts -= count;
        var facts = new TFact[count];
        var at = 0;
        foreach (var entry in batch)
        {
            entry.Facts.CopyTo(facts, at);
            at += entry.Facts.Length;
        }

        IReadOnlyList<long> positions;
        try
        {
            positions = await log.AppendAsync(facts, cancellationToken);
        }
        catch (Exception e)
        {
            foreach (var entry in batch) entry.Fail(e);
            foreach (var entry in pending) entry.Fail(e);
            pending.Clear();
            pendingFacts = 0;
            context.DeactivateOnIdle();
            throw;
        }

        onCommitted(facts, positions);
        at = 0;
        foreach (var entry in batch)
        {
            entry.Complete(positions, at);
            at += entry.Facts.Length;
        }
    }

    private sealed record Entry(TFact[] Facts, TaskCompletionSource<long>? One, TaskCompletionSource<IReadOnlyList<long>>? Range)
    {
        public void Fail(Exception e)
        {
            One?.TrySetException(e);
            Range?.TrySetException(e);
        }

        public void Complete(IReadOnlyList<long> positions, int offset)
        {
            if (One is not null)
            {
                One.TrySetResult(positions[offset]);
                return;
            }
            var mine = new long[Facts.Length];
            for (var i = 0; i < mine.Length; i++) mine[i] = positions[offset + i];
            Range!.TrySetResult(mine);
        }
    }
}
