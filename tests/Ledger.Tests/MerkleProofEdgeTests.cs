using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>How the verifiers treat degenerate and hostile input: false, never an exception.</summary>
public sealed class MerkleProofEdgeTests
{
    private static readonly byte[] SomeHash = MerkleHash.Leaf("x"u8);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0, -1)]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(-1, 4)]
    [InlineData(long.MaxValue, long.MaxValue)]
    public void Inclusion_with_an_index_outside_the_tree_fails(long index, long size)
    {
        Assert.False(MerkleProof.VerifyInclusion(index, size, SomeHash, [], SomeHash));
    }

    [Fact]
    public void A_one_leaf_tree_has_an_empty_proof_and_its_root_is_the_leaf()
    {
        Assert.True(MerkleProof.VerifyInclusion(0, 1, SomeHash, [], SomeHash));
        Assert.False(MerkleProof.VerifyInclusion(0, 1, SomeHash, [], []));
        Assert.False(MerkleProof.VerifyInclusion(0, 1, [], [], SomeHash));
        Assert.False(MerkleProof.VerifyInclusion(0, 1, SomeHash, null, SomeHash));
    }

    [Fact]
    public void Proof_elements_of_the_wrong_length_or_null_fail()
    {
        var tree = MerkleTree.FromLeafHashes(Enumerable.Range(0, 5).Select(i => MerkleHash.Leaf([(byte)i])));
        var proof = tree.InclusionProof(2, 5).ToList();
        Assert.True(MerkleProof.VerifyInclusion(2, 5, tree.LeafHash(2), proof, tree.Root()));

        Assert.False(MerkleProof.VerifyInclusion(2, 5, tree.LeafHash(2), [.. proof[..^1], proof[^1][..31]], tree.Root()));
        Assert.False(MerkleProof.VerifyInclusion(2, 5, tree.LeafHash(2), [.. proof[..^1], null!], tree.Root()));
        Assert.False(MerkleProof.VerifyConsistency(3, 5, tree.RootAt(3), tree.Root(), [.. tree.ConsistencyProof(3, 5), null!]));
    }

    [Fact]
    public void Consistency_edges_equal_sizes_empty_tree_and_shrinking()
    {
        var root = SomeHash;
        var other = MerkleHash.Leaf("y"u8);
        var empty = MerkleHash.Empty();

        Assert.True(MerkleProof.VerifyConsistency(0, 0, empty, empty, []));
        Assert.True(MerkleProof.VerifyConsistency(0, 5, empty, root, []));
        Assert.True(MerkleProof.VerifyConsistency(4, 4, root, root, []));

        Assert.False(MerkleProof.VerifyConsistency(0, 5, root, root, []), "a non-empty root for size 0");
        Assert.False(MerkleProof.VerifyConsistency(4, 4, root, other, []), "two roots for one size is a fork");
        Assert.False(MerkleProof.VerifyConsistency(4, 4, root, root, [root]), "equal sizes take an empty proof");
        Assert.False(MerkleProof.VerifyConsistency(0, 5, empty, root, [root]), "size 0 takes an empty proof");
        Assert.False(MerkleProof.VerifyConsistency(5, 4, root, other, [root]), "the log shrank");
        Assert.False(MerkleProof.VerifyConsistency(1, 2, root, other, []), "different sizes need a proof");
        Assert.False(MerkleProof.VerifyConsistency(-1, 2, root, other, [root]));
        Assert.False(MerkleProof.VerifyConsistency(1, 2, root, other, null));
    }

    [Fact]
    public void Tree_refuses_sizes_beyond_what_it_holds()
    {
        var tree = MerkleTree.FromLeafHashes([SomeHash, SomeHash, SomeHash]);

        Assert.Throws<ArgumentOutOfRangeException>(() => tree.RootAt(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.InclusionProof(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.ConsistencyProof(3, 2));
        Assert.Throws<ArgumentException>(() => tree.AppendLeafHash(new byte[31]));
        Assert.Equal(3, tree.Size);
    }
}
