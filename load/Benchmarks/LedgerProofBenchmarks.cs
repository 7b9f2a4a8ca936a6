using BenchmarkDotNet.Attributes;
using CaseGrains.Ledger;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// Proofs from a ledger of 1,000,000 entries (<see cref="MillionEntryLedger"/>) through the ledger grain, the calls
/// that GET /api/cases/{caseId}/ledger/proof/inclusion and /proof/consistency make: each one first reads from
/// PostgreSQL whether rows were added and the newest checkpoint, checks that the tree still extends that checkpoint,
/// then builds the proof from the tree in memory. The same proofs from the in-memory tree alone show what is hashing
/// and what is storage. The cold case deactivates the grain first, so its leaf hashes are read again. Positions and
/// sizes are spread over the whole ledger by a fixed seed; the first answers are checked against the signed root.
/// </summary>
[Config(typeof(InProcessFewIterations))]
[MemoryDiagnoser]
public class LedgerProofBenchmarks
{
    private const int ProofsPerInvoke = 1000;
    private const int TreeProofsPerInvoke = 100 * ProofsPerInvoke;

    private MillionEntryLedger seeded = null!;
    private ILedgerGrain ledger = null!;
    private MerkleTree tree = null!;
    private long[] positions = null!;
    private long[] oldSizes = null!;
    private string[] leafHashes = null!;
    private int next;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    /// <summary>GET proof/inclusion?position=…: against the newest checkpoint.</summary>
    [Benchmark(OperationsPerInvoke = ProofsPerInvoke)]
    public async Task<int> InclusionByPosition()
    {
        var hashes = 0;
        for (var i = 0; i < ProofsPerInvoke; i++)
            hashes += (await ledger.GetInclusionProof(positions[i], null)).Hashes.Count;
        return hashes;
    }

    /// <summary>GET proof/inclusion?leafHash=…: the position is looked up in PostgreSQL's hash index first.</summary>
    [Benchmark(OperationsPerInvoke = ProofsPerInvoke)]
    public async Task<int> InclusionByLeafHash()
    {
        var hashes = 0;
        for (var i = 0; i < ProofsPerInvoke; i++)
            hashes += (await ledger.FindInclusionProof(leafHashes[i], null)).Hashes.Count;
        return hashes;
    }

    /// <summary>GET proof/consistency?from=…: from an older size to the newest checkpoint.</summary>
    [Benchmark(OperationsPerInvoke = ProofsPerInvoke)]
    public async Task<int> Consistency()
    {
        var hashes = 0;
        for (var i = 0; i < ProofsPerInvoke; i++)
            hashes += (await ledger.GetConsistencyProof(oldSizes[i], null)).Hashes.Count;
        return hashes;
    }

    [IterationSetup(Target = nameof(InclusionAfterActivation))]
    public void Deactivate() => seeded.DeactivateAllAsync().GetAwaiter().GetResult();

    /// <summary>The first proof after the ledger grain was deactivated: activation reads every leaf hash again.</summary>
    [Benchmark]
    public async Task<int> InclusionAfterActivation() =>
        (await ledger.GetInclusionProof(positions[next++ % ProofsPerInvoke], null)).Hashes.Count;

    /// <summary>The inclusion proof from the in-memory tree alone, no storage and no grain call.</summary>
    [Benchmark(OperationsPerInvoke = TreeProofsPerInvoke)]
    public int TreeInclusion()
    {
        var hashes = 0;
        for (var i = 0; i < TreeProofsPerInvoke; i++)
            hashes += tree.InclusionProof(positions[i % ProofsPerInvoke], tree.Size).Count;
        return hashes;
    }

    /// <summary>The consistency proof from the in-memory tree alone.</summary>
    [Benchmark(OperationsPerInvoke = TreeProofsPerInvoke)]
    public int TreeConsistency()
    {
        var hashes = 0;
        for (var i = 0; i < TreeProofsPerInvoke; i++)
            hashes += tree.ConsistencyProof(oldSizes[i % ProofsPerInvoke], tree.Size).Count;
        return hashes;
    }

    private async Task SetupAsync()
    {
        seeded = await MillionEntryLedger.GetAsync();
        ledger = seeded.Ledger;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        tree = await seeded.ReadTreeAsync();
        var readAndBuild = clock.Elapsed;
        clock.Restart();
        var rebuilt = new MerkleTree();
        for (var i = 0L; i < tree.Size; i++) rebuilt.AppendLeafHash(tree.LeafHash(i));
        Console.WriteLine($"// setup: {tree.Size:N0} leaf hashes read from PostgreSQL into a tree in {readAndBuild.TotalSeconds:N2} s; " +
            $"building the tree from them in memory alone takes {clock.Elapsed.TotalSeconds:N2} s");
        var random = new Random(6);
        positions = [.. Enumerable.Range(0, ProofsPerInvoke).Select(_ => random.NextInt64(tree.Size))];
        oldSizes = [.. Enumerable.Range(0, ProofsPerInvoke).Select(_ => 1 + random.NextInt64(tree.Size - 1))];
        leafHashes = [.. positions.Select(p => Convert.ToBase64String(tree.LeafHash(p)))];

        var root = Convert.FromBase64String(seeded.Checkpoint.RootHash);
        var size = seeded.Checkpoint.TreeSize;
        if (!root.AsSpan().SequenceEqual(tree.Root()) || size != tree.Size)
            throw new InvalidOperationException("the leaf hashes read do not hash to the signed root");
        var inclusion = await ledger.GetInclusionProof(positions[0], null);
        var byHash = await ledger.FindInclusionProof(leafHashes[1], null);
        var consistency = await ledger.GetConsistencyProof(oldSizes[0], null);
        if (inclusion.TreeSize != size || !MerkleProof.VerifyInclusion(positions[0], size, tree.LeafHash(positions[0]), Hashes(inclusion.Hashes), root)
            || byHash.Index != positions[1] || !MerkleProof.VerifyInclusion(positions[1], size, tree.LeafHash(positions[1]), Hashes(byHash.Hashes), root)
            || !MerkleProof.VerifyConsistency(oldSizes[0], size, tree.RootAt(oldSizes[0]), root, Hashes(consistency.Hashes)))
            throw new InvalidOperationException("a proof from the ledger grain does not verify against the signed checkpoint");
    }

    private static byte[][] Hashes(IReadOnlyList<string> base64) => [.. base64.Select(Convert.FromBase64String)];
}
