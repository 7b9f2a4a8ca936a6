namespace CaseGrains.Ledger;

/// <summary>
/// The committed rows of one case that its ledger grain has not taken yet (see <see cref="LedgerTail"/>): runs of
/// leaf hashes by first position, which may arrive out of order, since commits finish on different threads.
/// </summary>
public sealed class LedgerFollower : IDisposable
{
    /// <summary>
    /// The most leaf hashes kept waiting (64 MB). Past it everything waiting is dropped and the grain reads those rows
    /// from storage instead: a ledger nobody asks anything of for a long while must not hold the node's memory.
    /// </summary>
    public const int MaxWaiting = 1 << 21;

    /// <summary>
    /// Waiting leaf hashes past which the follower asks to be drained (<see cref="OnBacklog"/>), so that the tree grows
    /// in small steps through a vote instead of all at once at the next checkpoint.
    /// </summary>
    public const int BacklogThreshold = 8192;

    private readonly LedgerTail tail;
    private readonly Lock gate = new();
    private readonly PriorityQueue<byte[], long> runs = new();
    private long waiting;
    private Action? backlogged;
    private bool askedToDrain;

    internal LedgerFollower(LedgerTail tail, string caseId)
    {
        this.tail = tail;
        CaseId = caseId;
    }

    public string CaseId { get; }

    /// <summary>How many leaf hashes wait to be taken.</summary>
    public long Waiting
    {
        get
        {
            lock (gate) return waiting;
        }
    }

    /// <summary>Called, on the committing thread, once the waiting hashes pass <see cref="BacklogThreshold"/>; not
    /// again until <see cref="AppendTo"/> took them. The callback should only schedule the draining.</summary>
    public void OnBacklog(Action callback) => backlogged = callback;

    internal void Add(long firstPosition, byte[] leafHashes)
    {
        var count = leafHashes.Length / MerkleHash.Size;
        Action? ask = null;
        lock (gate)
        {
            if (waiting + count > MaxWaiting)
            {
                runs.Clear();
                waiting = 0;
            }
            runs.Enqueue(leafHashes, firstPosition);
            waiting += count;
            if (waiting >= BacklogThreshold && !askedToDrain && backlogged is not null)
            {
                askedToDrain = true;
                ask = backlogged;
            }
        }
        ask?.Invoke();
    }

    /// <summary>
    /// Appends to <paramref name="tree"/> the waiting leaf hashes that follow on from its size, up to the first gap;
    /// drops those it already holds. Returns how many it appended.
    /// </summary>
    public long AppendTo(MerkleTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        List<(long First, byte[] Hashes)> taken = [];
        lock (gate)
        {
            askedToDrain = false;
            var next = tree.Size;
            while (runs.TryPeek(out var hashes, out var first) && first <= next)
            {
                runs.Dequeue();
                var count = hashes.Length / MerkleHash.Size;
                waiting -= count;
                if (first + count <= next) continue;
                taken.Add((first, hashes));
                next = first + count;
            }
        }
        // Hashed outside the lock: committing threads only ever wait for a queue operation.
        var before = tree.Size;
        foreach (var (first, hashes) in taken)
        {
            for (var i = (int)(tree.Size - first); i < hashes.Length / MerkleHash.Size; i++)
                tree.AppendLeafHash(hashes.AsSpan(i * MerkleHash.Size, MerkleHash.Size));
        }
        return tree.Size - before;
    }

    public void Dispose() => tail.Unfollow(this);
}
