using System.Collections.Concurrent;

namespace CaseGrains.Ledger;

/// <summary>
/// Hands the leaf hashes of the ledger rows this node has just committed to the case's ledger grain, so that a ledger
/// held in memory follows its case's growth without reading back from storage what this node itself wrote. During a
/// vote that read was the largest single cost of a checkpoint: every ballot's row, once more, in one burst.
/// </summary>
/// <remarks>
/// Only committed rows are handed over, and only to a case that a ledger grain follows. Storage stays the authority:
/// the grain still reads from storage whatever the tail did not give it (rows written by another node, a commit whose
/// acknowledgement was lost, a follower that overflowed). The grain's tree is then built from the hashes as written,
/// so a row changed in storage before a checkpoint covered it is not signed; the ledger check names it.
/// </remarks>
public sealed class LedgerTail
{
    private readonly ConcurrentDictionary<string, LedgerFollower> followers = new(StringComparer.Ordinal);

    /// <summary>Starts handing the case's committed rows to the returned follower; disposing it stops that. A later
    /// follower of the same case replaces an earlier one.</summary>
    public LedgerFollower Follow(string caseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var follower = new LedgerFollower(this, caseId);
        followers[caseId] = follower;
        return follower;
    }

    /// <summary>Whether a ledger grain on this node follows the case.</summary>
    public bool IsFollowed(string caseId) => followers.ContainsKey(caseId);

    /// <summary>
    /// Called after the transaction that stored <paramref name="entries"/> committed, with their leaf hashes in the
    /// same order. Entries of one case are at consecutive positions, as one commit reserves them.
    /// </summary>
    public void Committed(IReadOnlyList<LedgerEntry> entries, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (entries.Count != leafHashes.Count)
            throw new ArgumentException($"{entries.Count} entries but {leafHashes.Count} leaf hashes", nameof(leafHashes));
        if (followers.IsEmpty) return;
        var start = 0;
        while (start < entries.Count)
        {
            var caseId = entries[start].CaseId;
            var end = start + 1;
            while (end < entries.Count && entries[end].CaseId == caseId && entries[end].Position == entries[end - 1].Position + 1)
                end++;
            if (followers.TryGetValue(caseId, out var follower))
            {
                var run = new byte[(end - start) * MerkleHash.Size];
                for (var i = start; i < end; i++)
                    leafHashes[i].CopyTo(run, (i - start) * MerkleHash.Size);
                follower.Add(entries[start].Position, run);
            }
            start = end;
        }
    }

    internal void Unfollow(LedgerFollower follower) =>
        followers.TryRemove(new KeyValuePair<string, LedgerFollower>(follower.CaseId, follower));
}
