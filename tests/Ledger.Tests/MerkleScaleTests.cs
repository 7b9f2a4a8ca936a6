using System.Diagnostics;
using CaseGrains.Ledger;
using Xunit.Abstractions;

namespace CaseGrains.Ledger.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}

/// <summary>A million leaves: memory stays near 32 bytes a leaf, and proofs stay cheap because subtrees are cached.</summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class MerkleScaleTests(ITestOutputHelper output)
{
    private const int Leaves = 1_000_000;

    [Fact]
    public void A_million_leaves_fit_in_about_36_MB_and_give_proofs_in_logarithmic_time()
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var tree = new MerkleTree();
        Span<byte> leaf = stackalloc byte[MerkleHash.Size];
        Span<byte> data = stackalloc byte[8];
        for (var i = 0; i < Leaves; i++)
        {
            BitConverter.TryWriteBytes(data, (long)i);
            MerkleHash.Leaf(data, leaf);
            tree.AppendLeafHash(leaf);
        }
        var appendTime = clock.Elapsed;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine($"appended {Leaves} leaves in {appendTime.TotalMilliseconds:F0} ms, retained {retained / (1024 * 1024)} MiB");

        // 32 MB of leaf hashes, an eighth more for cached subtrees, a little slack for the chunk lists.
        Assert.InRange(retained, 32L * Leaves, 40L * Leaves);
        GC.KeepAlive(tree);

        var random = new Random(11);
        var root = tree.Root();
        clock.Restart();
        for (var i = 0; i < 2000; i++)
        {
            long index = random.Next(Leaves);
            var proof = tree.InclusionProof(index, Leaves);
            Assert.InRange(proof.Count, 1, 20); // ceil(log2(10^6)) = 20; leaves in the short right-hand subtrees have shorter paths
            Assert.True(MerkleProof.VerifyInclusion(index, Leaves, tree.LeafHash(index), proof, root));

            long oldSize = random.Next(1, Leaves);
            var consistency = tree.ConsistencyProof(oldSize, Leaves);
            Assert.True(MerkleProof.VerifyConsistency(oldSize, Leaves, tree.RootAt(oldSize), root, consistency));
        }
        var proofTime = clock.Elapsed;
        // Reported, not asserted: speed belongs to load/'s ledger benchmarks. The cached subtrees that keep a proof to a
        // few dozen hashes are what the retained-memory bound above checks.
        output.WriteLine($"2000 inclusion and 2000 consistency proofs made and verified in {proofTime.TotalMilliseconds:F0} ms");
    }
}
