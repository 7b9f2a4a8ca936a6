using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CaseGrains.Live;
using CaseGrains.Runtime;

namespace CaseGrains.Ledger;

/// <summary>
/// A case's ledger, read side. On activation it loads the recorded leaf hashes of the case's rows page by page into a
/// <see cref="MerkleTree"/> (32 bytes a leaf, no rehashing), and before each answer it appends only the rows stored
/// since: those this node committed from the <see cref="LedgerTail"/>, the rest from storage. It signs checkpoints after checking that the tree still extends the last published one, so the server never
/// signs two inconsistent checkpoints of a case, nor serves a proof from a tree that no longer matches what it
/// signed; it stores what witnesses say about checkpoints; and it serves entries, receipts and the export from
/// storage as it is, so that any change made behind its back shows (<see cref="LedgerIntegrityCheck"/> names it).
/// </summary>
public sealed class LedgerGrain(ILedgerStore store, LedgerTail tail, LedgerLog log, ILiveUpdates live, TimeProvider clock) : Grain, ILedgerGrain
{
    private const int LoadPage = 65_536;
    private const int MaxPageEntries = 1000;
    private const int MaxExportPart = 10_000;
    private const int PublishAttempts = 3;

    private readonly MerkleTree tree = new();

    /// <summary>Why the stored rows cannot be read into the tree past its current size (a gap, a damaged hash), or null.</summary>
    private string? loadFault;

    private LedgerFollower? follower;

    /// <summary>Made on the first proof asked for by leaf hash: most ledgers are never asked one.</summary>
    private LeafIndex? leaves;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Following before the first read: a row committed meanwhile is then either read or handed over, or both.
        follower = tail.Follow(Key);
        var context = Context;
        // Queued, not run on the committing thread: that thread is finishing another grain's commit.
        follower.OnBacklog(() => ThreadPool.UnsafeQueueUserWorkItem(_ => context.ScheduleTurn(TakeFollowedAsync), null));
        return CatchUpAsync(cancellationToken);
    }

    private Task TakeFollowedAsync()
    {
        follower?.AppendTo(tree);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        follower?.Dispose();
        return Task.CompletedTask;
    }

    public async Task<long> GetSize()
    {
        await CatchUpAsync();
        return tree.Size;
    }

    public async Task<CheckpointResponse> GetCheckpoint()
    {
        await CatchUpAsync();
        var latest = await store.ReadLatestCheckpointAsync(Key);
        if (latest is null)
            latest = await PublishAsync(null);
        return Response(latest);
    }

    public async Task<CheckpointResponse> GetCheckpointAt(long treeSize) => Response(await StoredAt(treeSize, "treeSize"));

    public async Task<CheckpointResponse> PublishCheckpoint()
    {
        await CatchUpAsync();
        return Response(await PublishAsync(await store.ReadLatestCheckpointAsync(Key)));
    }

    public async Task<LedgerEntriesPage> GetEntries(long start, int count)
    {
        if (start < 0)
            throw RuleViolationException.Invalid("start", "The first position is 0 or more.");
        if (count is < 1 or > MaxPageEntries)
            throw RuleViolationException.Invalid("count", $"Ask for 1 to {MaxPageEntries} entries.");
        await CatchUpAsync();
        var rows = start >= tree.Size ? [] : await store.ReadEntriesAsync(Key, start, tree.Size, count);
        return LedgerResponses.Page(Key, start, tree.Size, rows);
    }

    public async Task<InclusionProofResponse> GetInclusionProof(long position, long? treeSize)
    {
        await CatchUpAsync();
        if (position < 0 || position >= tree.Size)
            throw RuleViolationException.NotFound("position", $"The ledger of case {Key} has no entry at position {position}.");
        return await InclusionAsync(position, treeSize);
    }

    public async Task<InclusionProofResponse> FindInclusionProof(string leafHash, long? treeSize)
    {
        byte[] hash;
        try
        {
            hash = Convert.FromBase64String(leafHash ?? "");
        }
        catch (FormatException)
        {
            hash = [];
        }
        if (hash.Length != MerkleHash.Size)
            throw RuleViolationException.Invalid("leafHash", $"A leaf hash is the base64 of {MerkleHash.Size} bytes.");
        await CatchUpAsync();
        // Looked up in the tree itself, not in storage: a row whose recorded hash was changed is not vouched for.
        if ((leaves ??= new LeafIndex()).Find(tree, hash) is { } position)
            return await InclusionAsync(position, treeSize);
        throw RuleViolationException.NotFound("leafHash", $"The ledger of case {Key} has no entry with this leaf hash.");
    }

    public async Task<ConsistencyProofResponse> GetConsistencyProof(long fromSize, long? toSize)
    {
        await CatchUpAsync();
        var latest = await store.ReadLatestCheckpointAsync(Key);
        if (latest is not null)
            RequireTreeExtends(latest);
        var to = toSize ?? latest?.Size ?? throw RuleViolationException.NotFound("to", $"No checkpoint of case {Key} is published yet.");
        if (to < 0 || to > tree.Size)
            throw RuleViolationException.Invalid("to", $"The ledger of case {Key} has {tree.Size} entries.");
        if (fromSize < 0 || fromSize > to)
            throw RuleViolationException.Invalid("from", $"The older size is between 0 and {to}.");
        return LedgerResponses.Consistency(Key, tree, fromSize, to);
    }

    public async Task<ReceiptResponse> GetReceipt(long position)
    {
        await CatchUpAsync();
        if (position < 0 || position >= tree.Size)
            throw RuleViolationException.NotFound("position", $"The ledger of case {Key} has no entry at position {position}.");
        var checkpoint = await CoveringCheckpointAsync(position + 1);
        var row = (await store.ReadEntriesAsync(Key, position, position + 1, 1)).FirstOrDefault();
        if (row is null || !CryptographicOperations.FixedTimeEquals(MerkleHash.Leaf(row.Entry), tree.LeafHash(position)))
            throw RuleViolationException.Conflict("position",
                $"The stored entry at position {position} of case {Key} no longer matches the ledger; no receipt is issued for it. Run the ledger check.");
        return LedgerResponses.Receipt(Key, position, row.Entry, tree, SignedCheckpoint.Parse(checkpoint.Published()));
    }

    public async Task<CheckpointResponse> BeginExport()
    {
        await CatchUpAsync();
        var latest = await store.ReadLatestCheckpointAsync(Key);
        if (latest is null || latest.Size < tree.Size)
        {
            try
            {
                latest = await PublishAsync(latest);
            }
            catch (RuleViolationException) when (latest is not null)
            {
                // A damaged ledger is still exported against its last checkpoint, so that anyone can see where.
            }
        }
        return Response(latest ?? throw NoEntries());
    }

    public async Task<LedgerExportPart> ExportPart(long treeSize, long start, int maxEntries)
    {
        if (maxEntries is < 1 or > MaxExportPart)
            throw RuleViolationException.Invalid("maxEntries", $"Export 1 to {MaxExportPart} entries a part.");
        if (start < 0 || start > treeSize)
            throw RuleViolationException.Invalid("start", $"The export covers positions 0 to {treeSize - 1}.");
        var checkpoint = await StoredAt(treeSize, "treeSize");
        var rows = start < treeSize ? await store.ReadEntriesAsync(Key, start, treeSize, maxEntries) : [];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        if (start == 0)
            LedgerExport.WriteHeader(text);
        foreach (var row in rows)
            LedgerExport.WriteEntry(text, new ExportedEntry(row.Entry, row.LeafHash));
        if (rows.Count == maxEntries && rows[^1].Position + 1 < treeSize)
            return new LedgerExportPart(text.ToString(), rows[^1].Position + 1);
        LedgerExport.WriteCheckpoint(text, checkpoint.Published());
        return new LedgerExportPart(text.ToString(), null);
    }

    public async Task<WitnessCheckpointResponse> GetWitnessCheckpoint(string witness, long? fromSize)
    {
        var key = Witness(witness);
        await CatchUpAsync();
        var newest = await store.ReadLatestCheckpointAsync(Key) ?? throw NoCheckpoint();
        var last = await store.ReadLastCosignedAsync(Key, key.Name);
        var from = fromSize ?? last?.Size ?? 0;
        if (from < 0 || from > newest.Size)
            throw RuleViolationException.Invalid("from", $"The newest checkpoint of case {Key} has size {newest.Size}.");
        // A proof from a damaged tree would make an honest witness refuse a checkpoint that was sound when signed.
        RequireTreeExtends(newest);
        var proof = LedgerResponses.Consistency(Key, tree, from, newest.Size).Hashes;
        return new WitnessCheckpointResponse(Key, key.Name, Response(newest), last?.Published(), from, proof);
    }

    public async Task<CheckpointResponse> AddCosignature(string witness, long treeSize, string cosignature)
    {
        var key = Witness(witness);
        var checkpoint = await StoredAt(treeSize, "treeSize");
        var line = ParseSignatureLine(cosignature, "cosignature");
        if (!key.Verify(checkpoint.Signed.Note.Text, line) || !Cosignature.TryGetTimestamp(line, out var time))
            throw RuleViolationException.Invalid("cosignature", $"This is not a valid cosignature by {key.Name} of the checkpoint of size {treeSize}.");
        return await RecordAsync(checkpoint, new WitnessStatement(key.Name, true, TrimLine(line), null, DateTimeOffset.FromUnixTimeSeconds(time)));
    }

    public async Task<CheckpointResponse> AddRefusal(string witness, long treeSize, string reason, string signature)
    {
        var key = Witness(witness);
        var checkpoint = await StoredAt(treeSize, "treeSize");
        if (string.IsNullOrWhiteSpace(reason) || reason != WitnessRefusal.Normalize(reason))
            throw RuleViolationException.Invalid("reason", $"A reason is one line of at most {WitnessRefusal.MaxReasonLength} characters.");
        var line = ParseSignatureLine(signature, "signature");
        if (!WitnessRefusal.Verify(key, checkpoint.Signed.Note.Text, reason, line) || !Cosignature.TryGetTimestamp(line, out var time))
            throw RuleViolationException.Invalid("signature", $"This is not {key.Name}'s signed refusal of the checkpoint of size {treeSize} for this reason.");
        return await RecordAsync(checkpoint, new WitnessStatement(key.Name, false, TrimLine(line), reason, DateTimeOffset.FromUnixTimeSeconds(time)));
    }

    private async Task<CheckpointResponse> RecordAsync(StoredCheckpoint checkpoint, WitnessStatement statement)
    {
        var stored = await store.AddWitnessStatementAsync(Key, checkpoint.Size, statement);
        if (stored.Cosigned != statement.Cosigned)
            throw RuleViolationException.Conflict("witness", stored.Cosigned
                ? $"{statement.Witness} already cosigned the checkpoint of size {checkpoint.Size}."
                : $"{statement.Witness} already refused the checkpoint of size {checkpoint.Size}: {stored.Reason}");
        var witnessed = Response(await StoredAt(checkpoint.Size, "treeSize"));
        live.Publish(new LiveUpdate(LiveUpdate.CaseGroup(Key), "checkpoint", Key, witnessed));
        return witnessed;
    }

    /// <summary>
    /// Appends the rows stored since the tree was last read: first those handed over by the tail, then whatever else
    /// storage holds (normally nothing); stops at the first stored row that does not follow on.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        loadFault = null;
        follower?.AppendTo(tree);
        while (true)
        {
            LedgerLeafPage page;
            try
            {
                page = await store.ReadLeafHashesAsync(Key, tree.Size, LoadPage, cancellationToken);
            }
            catch (InvalidDataException e)
            {
                loadFault = e.Message;
                return;
            }
            for (var i = 0; i < page.Count; i++)
            {
                if (page.Positions[i] != tree.Size)
                {
                    loadFault = $"position {tree.Size} is missing from storage (the next stored row is position {page.Positions[i]})";
                    return;
                }
                tree.AppendLeafHash(page.LeafHash(i));
            }
            if (page.Count < LoadPage)
                return;
        }
    }

    /// <summary>The newest checkpoint if it covers <paramref name="size"/> entries, else a new one of everything.</summary>
    private async Task<StoredCheckpoint> CoveringCheckpointAsync(long size)
    {
        var latest = await store.ReadLatestCheckpointAsync(Key);
        if (latest is not null && latest.Size >= size)
        {
            RequireTreeExtends(latest);
            return latest;
        }
        return await PublishAsync(latest);
    }

    /// <summary>Signs and stores a checkpoint of the whole tree unless it equals <paramref name="latest"/>; refuses
    /// unless the tree extends <paramref name="latest"/>.</summary>
    private async Task<StoredCheckpoint> PublishAsync(StoredCheckpoint? latest)
    {
        for (var attempt = 0; attempt < PublishAttempts; attempt++)
        {
            if (loadFault is not null)
                throw Damaged(loadFault);
            if (latest is not null)
            {
                RequireTreeExtends(latest);
                if (latest.Size == tree.Size)
                    return latest;
            }
            if (tree.Size == 0)
                throw NoEntries();

            var size = tree.Size;
            var root = tree.Root();
            if (latest is not null
                && !MerkleProof.VerifyConsistency(latest.Size, size, latest.RootHash, root, tree.ConsistencyProof(latest.Size, size)))
                throw Damaged($"the tree of {size} entries does not prove consistent with the checkpoint of size {latest.Size}");

            var note = new Checkpoint(log.OriginOf(Key), size, root).Sign(log.Signer);
            var candidate = new StoredCheckpoint(note, clock.GetUtcNow(), []);
            if (await store.AddCheckpointAsync(Key, latest?.Size, candidate))
            {
                live.Publish(new LiveUpdate(LiveUpdate.CaseGroup(Key), "checkpoint", Key, Response(candidate)));
                return candidate;
            }
            // Another publisher stored one first: check against that one instead.
            latest = await store.ReadLatestCheckpointAsync(Key);
            await CatchUpAsync();
        }
        throw RuleViolationException.Conflict("caseId", $"Checkpoints of case {Key} are being published concurrently; try again.");
    }

    private void RequireTreeExtends(StoredCheckpoint checkpoint)
    {
        long size;
        byte[] root;
        try
        {
            (size, root) = (checkpoint.Size, checkpoint.RootHash);
        }
        catch (FormatException e)
        {
            throw Damaged("the newest stored checkpoint cannot be read: " + e.Message);
        }
        if (size > tree.Size)
            throw Damaged($"the checkpoint of size {size} was signed but only {tree.Size} entries can be read from storage"
                + (loadFault is null ? "" : ": " + loadFault));
        if (!CryptographicOperations.FixedTimeEquals(tree.RootAt(size), root))
            throw Damaged($"the recorded leaf hashes no longer hash to the root signed at size {size}");
    }

    private async Task<InclusionProofResponse> InclusionAsync(long position, long? treeSize)
    {
        if (treeSize is { } size)
        {
            if (await store.ReadLatestCheckpointAsync(Key) is { } latest)
                RequireTreeExtends(latest);
            if (size <= position || size > tree.Size)
                throw RuleViolationException.Invalid("treeSize", $"The tree size is above the position and at most {tree.Size}.");
            var published = await store.ReadCheckpointAsync(Key, size);
            return LedgerResponses.Inclusion(Key, tree, position, size, published?.Published());
        }
        var checkpoint = await CoveringCheckpointAsync(position + 1);
        return LedgerResponses.Inclusion(Key, tree, position, checkpoint.Size, checkpoint.Published());
    }

    private async Task<StoredCheckpoint> StoredAt(long treeSize, string field) =>
        await store.ReadCheckpointAsync(Key, treeSize)
        ?? throw RuleViolationException.NotFound(field, $"No checkpoint of size {treeSize} of case {Key} is published.");

    private NoteVerifier Witness(string name) =>
        log.FindWitness(name)
        ?? throw RuleViolationException.NotFound("witness", $"No witness named {name} is registered with this server.");

    private static NoteSignature ParseSignatureLine(string? text, string field)
    {
        var line = (text ?? "").TrimEnd('\n');
        try
        {
            return NoteSignature.ParseLine(line);
        }
        catch (FormatException e)
        {
            throw RuleViolationException.Invalid(field, "This is not a signature line (\u2014 name base64): " + e.Message);
        }
    }

    private static string TrimLine(NoteSignature signature) => signature.ToLine().TrimEnd('\n');

    private CheckpointResponse Response(StoredCheckpoint checkpoint) => LedgerResponses.Checkpoint(Key, checkpoint);

    private RuleViolationException NoEntries() =>
        RuleViolationException.NotFound("caseId", $"The ledger of case {Key} has no entries.");

    private RuleViolationException NoCheckpoint() =>
        RuleViolationException.NotFound("caseId", $"No checkpoint of case {Key} is published yet.");

    private RuleViolationException Damaged(string why) =>
        RuleViolationException.Conflict("ledger", new StringBuilder()
            .Append("The stored ledger of case ").Append(Key).Append(" no longer matches what was signed: ").Append(why)
            .Append(". No checkpoint is signed until this is resolved; the ledger check names the first bad position.").ToString());
}
