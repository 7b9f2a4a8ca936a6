using System.Runtime.ExceptionServices;

namespace CaseGrains.Runtime;

/// <summary>
/// Gathers the facts a grain accepts and commits them in groups, one transaction a group, one transaction at a time.
/// Each caller's task completes only after its fact committed and the grain applied it: an acknowledged fact is never
/// lost. <see cref="Add"/> runs inside a turn; the caller then waits with <see cref="Grain.AfterTurn{T}"/> so that
/// more calls can join the next group.
/// </summary>
/// <remarks>
/// <para>
/// The grain keeps taking calls while a group's transaction is under way: a turn starts the transaction and ends
/// without waiting for it, the facts accepted meanwhile form the next group, and a later turn of its own applies the
/// committed group (<c>onCommitted</c>), answers its callers and starts the next. So the grain's own work and the
/// database's overlap instead of taking turns. A call that needs every accepted fact applied first (closing a vote,
/// deactivating, committing a fact of another kind to the same log) calls <see cref="FlushAsync"/>.
/// </para>
/// <para>
/// When a commit fails, its group and everything pending fail and the activation is dropped, so the in-memory state
/// is rebuilt from what really committed. Should the activation be retired otherwise while a group commits (its lease
/// taken over), that group is never applied and its callers hear a time-out, not an acknowledgement: their facts may
/// or may not have committed, and the next activation reads what did.
/// </para>
/// <para>
/// A range added with <see cref="AddRange"/> is never split: it commits in one transaction, all or nothing, even when
/// it is larger than <c>maxBatch</c> (a representative voting for fifty thousand principals at once).
/// </para>
/// </remarks>
public sealed class GroupCommit<TFact>(
    IGrainContext context,
    IFactLog<TFact> log,
    Action<IReadOnlyList<TFact>, IReadOnlyList<long>> onCommitted,
    int maxBatch = 2000) where TFact : class
{
    private readonly List<Entry> pending = [];
    private int pendingFacts;
    private bool startScheduled;
    private Group? committing;

    /// <summary>Facts accepted and not yet in a transaction.</summary>
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

    /// <summary>
    /// Inside the current turn, waits for the group under way and commits everything pending, so that every fact
    /// accepted so far is committed and applied when it returns.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (committing is not null || pending.Count > 0)
        {
            // A group started here is finished here; one already under way may also get the turn it scheduled.
            var group = committing ?? Start(cancellationToken, finishInOwnTurn: false);
            await ((Task)group.Commit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Finish(group);
        }
    }

    private void Enqueue(Entry entry)
    {
        pending.Add(entry);
        pendingFacts += entry.Facts.Length;
        // While a group commits, the turn that finishes it starts the next one.
        if (startScheduled || committing is not null) return;
        startScheduled = true;
        context.ScheduleTurn(StartScheduled);
    }

    private Task StartScheduled()
    {
        startScheduled = false;
        if (committing is null && pending.Count > 0) Start(CancellationToken.None, finishInOwnTurn: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes the next group and starts its transaction; the turn goes on without waiting for it. Unless the caller
    /// waits for the group itself, a turn of its own finishes it once it committed.
    /// </summary>
    private Group Start(CancellationToken cancellationToken, bool finishInOwnTurn)
    {
        var take = 0;
        var count = 0;
        while (take < pending.Count && (take == 0 || count + pending[take].Facts.Length <= maxBatch))
        {
            count += pending[take].Facts.Length;
            take++;
        }
        var entries = pending.GetRange(0, take);
        pending.RemoveRange(0, take);
        pendingFacts -= count;
        var facts = new TFact[count];
        var at = 0;
        foreach (var entry in entries)
        {
            entry.Facts.CopyTo(facts, at);
            at += entry.Facts.Length;
        }

        Task<IReadOnlyList<long>> commit;
        try
        {
            commit = log.AppendAsync(facts, cancellationToken);
        }
        catch (Exception e)
        {
            commit = Task.FromException<IReadOnlyList<long>>(e);
        }
        var group = new Group(entries, facts, commit);
        committing = group;
        if (finishInOwnTurn) _ = FinishWhenCommittedAsync(group);
        return group;
    }

    private async Task FinishWhenCommittedAsync(Group group)
    {
        await ((Task)group.Commit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        context.ScheduleTurn(() =>
        {
            // FlushAsync may have finished this group already, inside a turn that waited for it.
            if (committing != group) return Task.CompletedTask;
            Finish(group);
            if (pending.Count > 0) Start(CancellationToken.None, finishInOwnTurn: true);
            return Task.CompletedTask;
        });
    }

    /// <summary>Applies a committed group and answers its callers; on a failed commit fails everything and drops the activation.</summary>
    private void Finish(Group group)
    {
        committing = null;
        if (!group.Commit.IsCompletedSuccessfully)
        {
            var error = group.Commit.Exception?.InnerException ?? new OperationCanceledException("The commit was cancelled.");
            foreach (var entry in group.Entries) entry.Fail(error);
            foreach (var entry in pending) entry.Fail(error);
            pending.Clear();
            pendingFacts = 0;
            context.DeactivateOnIdle();
            ExceptionDispatchInfo.Throw(error);
        }

        var positions = group.Commit.Result;
        onCommitted(group.Facts, positions);
        var at = 0;
        foreach (var entry in group.Entries)
        {
            entry.Complete(positions, at);
            at += entry.Facts.Length;
        }
    }

    private sealed record Group(List<Entry> Entries, TFact[] Facts, Task<IReadOnlyList<long>> Commit);

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
