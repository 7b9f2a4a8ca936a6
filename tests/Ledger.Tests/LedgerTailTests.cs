using System.Text;
using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>
/// The tail hands a ledger grain the rows its node committed. Whatever order the commits finish in, the grain's tree
/// must come out exactly as if it had read every row from storage, and a gap must stop it rather than be skipped.
/// </summary>
public sealed class LedgerTailTests
{
    private const string Case = "tail-case";

    [Fact]
    public void Runs_handed_over_in_order_build_the_tree_that_storage_would()
    {
        var tail = new LedgerTail();
        using var follower = tail.Follow(Case);
        var tree = new MerkleTree();

        Commit(tail, Case, 0, 3);
        Commit(tail, Case, 3, 2);

        Assert.Equal(5, follower.AppendTo(tree));
        Assert.Equal(ReferenceTree(Case, 5).Root(), tree.Root());
        Assert.Equal(0, follower.Waiting);
    }

    [Fact]
    public void A_run_that_arrives_before_the_one_it_follows_waits_for_it()
    {
        var tail = new LedgerTail();
        using var follower = tail.Follow(Case);
        var tree = new MerkleTree();

        Commit(tail, Case, 4, 2);
        Commit(tail, Case, 0, 2);

        // Positions 2 and 3 are not committed yet, or were committed elsewhere: the tree stops before the gap.
        Assert.Equal(2, follower.AppendTo(tree));
        Assert.Equal(2, tree.Size);
        Assert.Equal(2, follower.Waiting);

        Commit(tail, Case, 2, 2);
        Assert.Equal(4, follower.AppendTo(tree));
        Assert.Equal(ReferenceTree(Case, 6).Root(), tree.Root());
    }

    [Fact]
    public void Rows_the_tree_already_read_from_storage_are_not_appended_twice()
    {
        var tail = new LedgerTail();
        using var follower = tail.Follow(Case);
        Commit(tail, Case, 0, 3);
        Commit(tail, Case, 3, 4);

        // The grain read positions 0 to 4 from storage meanwhile.
        var tree = ReferenceTree(Case, 5);
        Assert.Equal(2, follower.AppendTo(tree));

        Assert.Equal(ReferenceTree(Case, 7).Root(), tree.Root());
        Assert.Equal(0, follower.Waiting);
    }

    [Fact]
    public void Only_the_followed_case_is_handed_its_rows_and_nothing_after_the_follower_is_disposed()
    {
        var tail = new LedgerTail();
        var follower = tail.Follow(Case);
        var entries = Entries("other-case", 0, 2).Concat(Entries(Case, 0, 2)).ToList();
        tail.Committed(entries, entries.ConvertAll(e => e.LeafHash()));
        Assert.Equal(2, follower.Waiting);

        follower.Dispose();
        Commit(tail, Case, 2, 3);
        Assert.Equal(2, follower.Waiting);
    }

    [Fact]
    public void A_new_follower_of_a_case_replaces_the_old_and_the_old_one_leaving_does_not_stop_it()
    {
        var tail = new LedgerTail();
        var old = tail.Follow(Case);
        using var current = tail.Follow(Case);

        old.Dispose();
        Commit(tail, Case, 0, 2);

        Assert.Equal(0, old.Waiting);
        Assert.Equal(2, current.Waiting);
    }

    [Fact]
    public void A_follower_that_nobody_drains_drops_what_waits_rather_than_grow_without_bound()
    {
        var tail = new LedgerTail();
        using var follower = tail.Follow(Case);
        var tree = new MerkleTree();
        tail.Committed([Entry(Case, 0)], [new byte[MerkleHash.Size]]);
        var fill = LedgerFollower.MaxWaiting - 1;
        var filler = new LedgerEntry[fill];
        var hashes = new byte[fill][];
        var hash = new byte[MerkleHash.Size];
        for (var i = 0; i < fill; i++)
        {
            filler[i] = new LedgerEntry(Case, 1 + i, default, "", "", []);
            hashes[i] = hash;
        }
        tail.Committed(filler, hashes);
        Assert.Equal(LedgerFollower.MaxWaiting, follower.Waiting);

        Commit(tail, Case, LedgerFollower.MaxWaiting, 1);

        Assert.Equal(1, follower.Waiting);
        // What waited is gone, so the tree stops at the gap and the grain reads the rest from storage.
        Assert.Equal(0, follower.AppendTo(tree));
    }

    [Fact]
    public void A_follower_asks_to_be_drained_once_its_backlog_passes_the_threshold_and_again_only_after_it_was()
    {
        var tail = new LedgerTail();
        using var follower = tail.Follow(Case);
        var asked = 0;
        follower.OnBacklog(() => asked++);
        var tree = new MerkleTree();

        Commit(tail, Case, 0, LedgerFollower.BacklogThreshold - 1);
        Assert.Equal(0, asked);
        Commit(tail, Case, LedgerFollower.BacklogThreshold - 1, 1);
        Assert.Equal(1, asked);
        Commit(tail, Case, LedgerFollower.BacklogThreshold, 100);
        Assert.Equal(1, asked);

        follower.AppendTo(tree);
        Commit(tail, Case, tree.Size, LedgerFollower.BacklogThreshold);
        Assert.Equal(2, asked);
        Assert.Equal(2 * LedgerFollower.BacklogThreshold + 100, tree.Size + follower.Waiting);
    }

    [Fact]
    public async Task Commits_finishing_on_many_threads_while_the_grain_takes_them_build_the_tree_that_storage_would()
    {
        const int Runs = 2_000;
        var tail = new LedgerTail();
        using var follower = tail.Follow(Case);
        var tree = new MerkleTree();
        // Runs of 1 to 5 rows, handed over in a shuffled order by four threads at once.
        var runs = new List<(long First, int Count)>();
        long next = 0;
        var random = new Random(7);
        for (var i = 0; i < Runs; i++)
        {
            var count = random.Next(1, 6);
            runs.Add((next, count));
            next += count;
        }
        var shuffled = runs.OrderBy(_ => random.Next()).ToArray();

        var committing = Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            for (var i = t; i < shuffled.Length; i += 4)
                Commit(tail, Case, shuffled[i].First, shuffled[i].Count);
        })).ToArray();
        while (!Task.WhenAll(committing).IsCompleted)
        {
            follower.AppendTo(tree);
            await Task.Yield();
        }
        await Task.WhenAll(committing);
        follower.AppendTo(tree);

        Assert.Equal(next, tree.Size);
        Assert.Equal(ReferenceTree(Case, next).Root(), tree.Root());
        Assert.Equal(0, follower.Waiting);
    }

    private static void Commit(LedgerTail tail, string caseId, long first, int count)
    {
        var entries = Entries(caseId, first, count).ToList();
        tail.Committed(entries, entries.ConvertAll(e => e.LeafHash()));
    }

    private static IEnumerable<LedgerEntry> Entries(string caseId, long first, int count) =>
        Enumerable.Range(0, count).Select(i => Entry(caseId, first + i));

    private static LedgerEntry Entry(string caseId, long position) =>
        new(caseId, position, DateTimeOffset.UnixEpoch, "actor", "test", Encoding.UTF8.GetBytes($"{caseId}/{position}"));

    private static MerkleTree ReferenceTree(string caseId, long size)
    {
        var tree = new MerkleTree();
        for (var position = 0L; position < size; position++)
            tree.AppendEntry(Entry(caseId, position).Encoded);
        return tree;
    }
}
