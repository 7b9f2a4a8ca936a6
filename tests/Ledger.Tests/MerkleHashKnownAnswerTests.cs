using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>
/// Known answers for RFC 6962 / 9162 hashing, from transparency-dev/merkle, rfc6962/rfc6962_test.go
/// (TestRFC6962Hasher), which derives each with sha256sum as noted there.
/// </summary>
public sealed class MerkleHashKnownAnswerTests
{
    [Fact]
    public void Empty_tree_root_is_the_hash_of_the_empty_string()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(MerkleHash.Empty()));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(new MerkleTree().Root()));
    }

    [Fact]
    public void Empty_leaf_is_hashed_with_the_leaf_prefix_and_differs_from_the_empty_root()
    {
        Assert.Equal("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", Hex(MerkleHash.Leaf([])));
    }

    [Fact]
    public void Leaf_hash_of_L123456()
    {
        Assert.Equal("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56", Hex(MerkleHash.Leaf("L123456"u8)));

        var into = new byte[32];
        MerkleHash.Leaf("L123456"u8, into);
        Assert.Equal("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56", Hex(into));
    }

    [Fact]
    public void Node_hash_of_N123_and_N456()
    {
        Assert.Equal("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb", Hex(MerkleHash.Node("N123"u8, "N456"u8)));
    }

    [Fact]
    public void Span_node_hash_may_write_over_its_own_input()
    {
        var left = MerkleHash.Leaf("a"u8);
        var right = MerkleHash.Leaf("b"u8);
        var expected = MerkleHash.Node(left, right);

        var buffer = (byte[])right.Clone();
        MerkleHash.Node(left, buffer, buffer);

        Assert.Equal(Hex(expected), Hex(buffer));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
