using System.Security.Cryptography;
using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>Proofs by leaf hash look the leaf up in the tree's own hashes: every leaf is found, and nothing else is.</summary>
public sealed class LeafIndexTests
{
    [Fact]
    public void Every_leaf_is_found_at_its_position_including_those_appended_after_the_first_lookup()
    {
        var tree = new MerkleTree();
        var hashes = Enumerable.Range(0, 1000).Select(i => SHA256.HashData(BitConverter.GetBytes(i))).ToList();
        foreach (var hash in hashes.Take(600)) tree.AppendLeafHash(hash);
        var index = new LeafIndex();

        Assert.Equal(599, index.Find(tree, hashes[599]));
        Assert.Null(index.Find(tree, hashes[600]));
        foreach (var hash in hashes.Skip(600)) tree.AppendLeafHash(hash);

        for (var i = 0; i < hashes.Count; i++)
            Assert.Equal(i, index.Find(tree, hashes[i]));
    }

    [Fact]
    public void A_hash_that_is_not_a_leaf_or_not_32_bytes_is_not_found()
    {
        var tree = new MerkleTree();
        tree.AppendLeafHash(SHA256.HashData([1]));
        var index = new LeafIndex();

        Assert.Null(index.Find(tree, SHA256.HashData([2])));
        Assert.Null(index.Find(tree, SHA256.HashData([1]).AsSpan(0, 31)));
    }

    [Fact]
    public void Two_leaves_whose_first_8_bytes_agree_are_both_found_and_a_third_with_that_prefix_is_not()
    {
        var tree = new MerkleTree();
        var first = SHA256.HashData([1]);
        var second = (byte[])first.Clone();
        second[31] ^= 0xff;
        var stranger = (byte[])first.Clone();
        stranger[20] ^= 0x01;
        tree.AppendLeafHash(SHA256.HashData([0]));
        tree.AppendLeafHash(first);
        tree.AppendLeafHash(second);
        var index = new LeafIndex();

        Assert.Equal(1, index.Find(tree, first));
        Assert.Equal(2, index.Find(tree, second));
        Assert.Null(index.Find(tree, stranger));
    }
}
