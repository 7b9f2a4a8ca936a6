using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>Randomized checks with fixed seeds, so a failure reproduces.</summary>
public sealed class MerklePropertyTests
{
    [Fact]
    public void Roots_and_proofs_equal_the_literal_RFC_definitions_for_every_size_up_to_70()
    {
        var leaves = Leaves(70, seed: 1);
        var tree = MerkleTree.FromLeafHashes(leaves);

        for (var n = 0; n <= 70; n++)
        {
            Assert.Equal(ReferenceMerkle.Mth(leaves, 0, n), tree.RootAt(n));
            for (var m = 0; m < n; m++)
                Assert.Equal(ReferenceMerkle.Path(leaves, m, 0, n), tree.InclusionProof(m, n));
            for (var m = 0; m <= n; m++)
                Assert.Equal(ReferenceMerkle.Proof(leaves, m, n), tree.ConsistencyProof(m, n));
        }
    }

    [Fact]
    public void Every_inclusion_proof_verifies_and_any_flipped_bit_fails()
    {
        var random = new Random(20260105);
        var leaves = Leaves(2000, seed: 2);
        var tree = MerkleTree.FromLeafHashes(leaves);
        long[] sizes = [1, 2, 3, 16, 17, 1023, 1024, 1025, 2000, .. Enumerable.Range(0, 8).Select(_ => (long)random.Next(1, 2001))];

        foreach (var size in sizes)
        {
            var root = tree.RootAt(size);
            for (long index = 0; index < size; index++)
            {
                var proof = tree.InclusionProof(index, size);
                Assert.True(MerkleProof.VerifyInclusion(index, size, leaves[(int)index], proof, root), $"leaf {index} of {size}");

                var leaf = (byte[])leaves[(int)index].Clone();
                FlipRandomBit(leaf, random);
                Assert.False(MerkleProof.VerifyInclusion(index, size, leaf, proof, root), $"flipped leaf {index} of {size}");

                if (proof.Count > 0)
                {
                    var tampered = proof.Select(h => (byte[])h.Clone()).ToList();
                    FlipRandomBit(tampered[random.Next(tampered.Count)], random);
                    Assert.False(MerkleProof.VerifyInclusion(index, size, leaves[(int)index], tampered, root), $"flipped proof of {index} in {size}");
                }

                var flippedRoot = (byte[])root.Clone();
                FlipRandomBit(flippedRoot, random);
                Assert.False(MerkleProof.VerifyInclusion(index, size, leaves[(int)index], proof, flippedRoot));
            }
        }
    }

    [Fact]
    public void Consistency_proofs_between_random_sizes_verify_and_any_flipped_bit_fails()
    {
        var random = new Random(7);
        var leaves = Leaves(2000, seed: 3);
        var tree = MerkleTree.FromLeafHashes(leaves);

        for (var trial = 0; trial < 3000; trial++)
        {
            long newSize = random.Next(1, 2001);
            long oldSize = random.Next(1, (int)newSize + 1);
            var oldRoot = tree.RootAt(oldSize);
            var newRoot = tree.RootAt(newSize);
            var proof = tree.ConsistencyProof(oldSize, newSize);

            Assert.True(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), $"{oldSize} -> {newSize}");
            if (oldSize == newSize)
            {
                Assert.Empty(proof);
                continue;
            }

            var tampered = proof.Select(h => (byte[])h.Clone()).ToList();
            FlipRandomBit(tampered[random.Next(tampered.Count)], random);
            Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, tampered), $"flipped proof {oldSize} -> {newSize}");

            var flippedOld = (byte[])oldRoot.Clone();
            FlipRandomBit(flippedOld, random);
            Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, flippedOld, newRoot, proof), $"flipped old root {oldSize} -> {newSize}");

            var flippedNew = (byte[])newRoot.Clone();
            FlipRandomBit(flippedNew, random);
            Assert.False(MerkleProof.VerifyConsistency(oldSize, newSize, oldRoot, flippedNew, proof), $"flipped new root {oldSize} -> {newSize}");
        }
    }

    [Fact]
    public void A_rewritten_history_is_not_consistent_with_the_original()
    {
        var leaves = Leaves(300, seed: 4);
        var honest = MerkleTree.FromLeafHashes(leaves);
        var rewritten = leaves.ToList();
        rewritten[41] = MerkleHash.Leaf("a different fact"u8);
        var forked = MerkleTree.FromLeafHashes(rewritten);

        // The forked log can only offer proofs from its own history.
        var proof = forked.ConsistencyProof(100, 300);

        Assert.False(MerkleProof.VerifyConsistency(100, 300, honest.RootAt(100), forked.RootAt(300), proof));
        Assert.True(MerkleProof.VerifyConsistency(100, 300, forked.RootAt(100), forked.RootAt(300), proof));
    }

    [Fact]
    public void Appending_one_leaf_at_a_time_gives_the_same_tree_as_loading_all_leaves()
    {
        var leaves = Leaves(777, seed: 5);
        var incremental = new MerkleTree();
        var roots = new List<byte[]>();
        foreach (var leaf in leaves)
        {
            incremental.AppendLeafHash(leaf);
            roots.Add(incremental.Root());
        }
        var loaded = MerkleTree.FromLeafHashes(leaves);

        for (var n = 1; n <= leaves.Count; n++)
            Assert.Equal(roots[n - 1], loaded.RootAt(n));
        var accumulator = new MerkleRootAccumulator();
        foreach (var leaf in leaves)
            accumulator.Append(leaf);
        Assert.Equal(loaded.Root(), accumulator.Root());
    }

    private static List<byte[]> Leaves(int count, int seed)
    {
        var random = new Random(seed);
        var leaves = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            var data = new byte[random.Next(0, 40)];
            random.NextBytes(data);
            leaves.Add(MerkleHash.Leaf(data));
        }
        return leaves;
    }

    private static void FlipRandomBit(byte[] bytes, Random random) => bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
}
