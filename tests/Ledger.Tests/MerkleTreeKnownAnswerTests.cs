using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>
/// The RFC 6962 reference tree of eight leaves and its roots, audit paths and consistency proofs. The values come
/// from transparency-dev/merkle, proof/verify_test.go (leaves, roots, inclusionProofs, consistencyProofs), which
/// repeats google/certificate-transparency, cpp/merkletree/merkle_tree_test.cc (kInputs, kSHA256Roots,
/// kSHA256Paths, kSHA256Proofs). Those files number leaves from 1; the indexes here are 0-based.
/// </summary>
public sealed class MerkleTreeKnownAnswerTests
{
    private static readonly string[] LeafInputs =
    [
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f",
    ];

    // Root of the tree holding the first i + 1 leaves.
    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    public static TheoryData<long, long, string[]> InclusionVectors => new()
    {
        { 0, 1, [] },
        {
            0, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            5, 8,
            [
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        { 2, 3, ["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"] },
        {
            1, 5,
            [
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
    };

    public static TheoryData<long, long, string[]> ConsistencyVectors => new()
    {
        { 1, 1, [] },
        {
            1, 8,
            [
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ]
        },
        {
            6, 8,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
        {
            2, 5,
            [
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ]
        },
        {
            6, 7,
            [
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ]
        },
    };

    [Fact]
    public void Roots_of_every_prefix_match_whether_asked_while_growing_or_afterwards()
    {
        var tree = new MerkleTree();
        for (var i = 0; i < LeafInputs.Length; i++)
        {
            tree.AppendEntry(Convert.FromHexString(LeafInputs[i]));
            Assert.Equal(Roots[i], Hex(tree.Root()));
        }

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hex(tree.RootAt(0)));
        for (var size = 1; size <= 8; size++)
            Assert.Equal(Roots[size - 1], Hex(tree.RootAt(size)));
    }

    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void Inclusion_proofs_are_the_published_ones_and_verify(long index, long size, string[] expected)
    {
        var tree = ReferenceTree();

        var proof = tree.InclusionProof(index, size);

        Assert.Equal(expected, proof.Select(Hex));
        var leaf = MerkleHash.Leaf(Convert.FromHexString(LeafInputs[index]));
        Assert.True(MerkleProof.VerifyInclusion(index, size, leaf, FromHex(expected), Root(size)));
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void Consistency_proofs_are_the_published_ones_and_verify(long oldSize, long newSize, string[] expected)
    {
        var tree = ReferenceTree();

        var proof = tree.ConsistencyProof(oldSize, newSize);

        Assert.Equal(expected, proof.Select(Hex));
        Assert.True(MerkleProof.VerifyConsistency(oldSize, newSize, Root(oldSize), Root(newSize), FromHex(expected)));
    }

    // The corruptions below are the ones both reference test suites try against every known-good proof
    // (verify_test.go corruptInclusionProof / merkle_tree_test.cc VerifierCheck).
    [Theory]
    [MemberData(nameof(InclusionVectors))]
    public void Corrupted_inclusion_proofs_fail(long index, long size, string[] expected)
    {
        var proof = FromHex(expected);
        var leaf = MerkleHash.Leaf(Convert.FromHexString(LeafInputs[index]));
        var root = Root(size);
        var someHash = Convert.FromHexString("abacaba000000000000000000000000000000000000000000060061e00123456");
        var emptyRoot = MerkleHash.Empty();

        var probes = new List<(string What, long Index, long Size, byte[] Leaf, List<byte[]> Proof, byte[] Root)>
        {
            ("index - 1", index - 1, size, leaf, proof, root),
            ("index + 1", index + 1, size, leaf, proof, root),
            ("index ^ 2", index ^ 2, size, leaf, proof, root),
            ("size * 2", index, size * 2, leaf, proof, root),
            ("size / 2", index, size / 2, leaf, proof, root),
            ("wrong leaf", index, size, "WrongLeaf"u8.ToArray(), proof, root),
            ("empty-tree root", index, size, leaf, proof, emptyRoot),
            ("random root", index, size, leaf, proof, someHash),
            ("trailing empty element", index, size, leaf, [.. proof, []], root),
            ("trailing root", index, size, leaf, [.. proof, root], root),
            ("preceding empty element", index, size, leaf, [[], .. proof], root),
            ("preceding root", index, size, leaf, [root, .. proof], root),
        };
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.Select(h => (byte[])h.Clone()).ToList();
            flipped[i][0] ^= 8;
            probes.Add(($"proof[{i}] bit 3 flipped", index, size, leaf, flipped, root));
            var replaced = proof.ToList();
            replaced[i] = emptyRoot;
            probes.Add(($"proof[{i}] replaced", index, size, leaf, replaced, root));
        }
        if (proof.Count > 0)
            probes.Add(("last element removed", index, size, leaf, proof[..^1], root));
        if (proof.Count > 1)
            probes.Add(("element inserted", index, size, leaf, [proof[0], someHash, .. proof[1..]], root));

        foreach (var probe in probes)
            Assert.False(MerkleProof.VerifyInclusion(probe.Index, probe.Size, probe.Leaf, probe.Proof, probe.Root), probe.What);
    }

    [Theory]
    [MemberData(nameof(ConsistencyVectors))]
    public void Corrupted_consistency_proofs_fail(long oldSize, long newSize, string[] expected)
    {
        var proof = FromHex(expected);
        if (proof.Count == 0)
            return; // equal sizes: no proof to corrupt; the edge cases have their own tests
        var root1 = Root(oldSize);
        var root2 = Root(newSize);
        var wrongRoot = "WrongRoot"u8.ToArray();

        var probes = new List<(string What, long Size1, long Size2, byte[] Root1, byte[] Root2, List<byte[]> Proof)>
        {
            ("size1 - 1", oldSize - 1, newSize, root1, root2, proof),
            ("size1 + 1", oldSize + 1, newSize, root1, root2, proof),
            ("size1 ^ 2", oldSize ^ 2, newSize, root1, root2, proof),
            ("size2 * 2", oldSize, newSize * 2, root1, root2, proof),
            ("size2 / 2", oldSize, newSize / 2, root1, root2, proof),
            ("wrong root1", oldSize, newSize, wrongRoot, root2, proof),
            ("wrong root2", oldSize, newSize, root1, wrongRoot, proof),
            ("swapped roots", oldSize, newSize, root2, root1, proof),
            ("empty proof", oldSize, newSize, root1, root2, []),
            ("trailing empty element", oldSize, newSize, root1, root2, [.. proof, []]),
            ("trailing root1", oldSize, newSize, root1, root2, [.. proof, root1]),
            ("trailing root2", oldSize, newSize, root1, root2, [.. proof, root2]),
            ("trailing last element again", oldSize, newSize, root1, root2, [.. proof, proof[^1]]),
            ("preceding empty element", oldSize, newSize, root1, root2, [[], .. proof]),
            ("preceding root1", oldSize, newSize, root1, root2, [root1, .. proof]),
            ("preceding root2", oldSize, newSize, root1, root2, [root2, .. proof]),
            ("preceding proof[0]", oldSize, newSize, root1, root2, [proof[0], .. proof]),
            ("truncated", oldSize, newSize, root1, root2, proof[..^1]),
        };
        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.Select(h => (byte[])h.Clone()).ToList();
            flipped[i][0] ^= 16;
            probes.Add(($"proof[{i}] bit 4 flipped", oldSize, newSize, root1, root2, flipped));
        }

        foreach (var probe in probes)
            Assert.False(MerkleProof.VerifyConsistency(probe.Size1, probe.Size2, probe.Root1, probe.Root2, probe.Proof), probe.What);
    }

    // transparency-dev/merkle, testdata/inclusion/1/modified-proof[0]-bit-3.json: leaf 0 of the 8-leaf tree, the
    // first proof hash with bit 3 of its first byte flipped (0x96 -> 0x9e), wantErr true.
    [Fact]
    public void Published_corrupted_inclusion_fixture_fails_and_its_repair_verifies()
    {
        var root = Convert.FromBase64String("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
        var leaf = Convert.FromBase64String("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=");
        var proof = new List<byte[]>
        {
            Convert.FromBase64String("nqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c="),
            Convert.FromBase64String("Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4="),
            Convert.FromBase64String("a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="),
        };

        Assert.False(MerkleProof.VerifyInclusion(0, 8, leaf, proof, root));

        proof[0][0] ^= 8;
        Assert.True(MerkleProof.VerifyInclusion(0, 8, leaf, proof, root));
    }

    // transparency-dev/merkle, testdata/consistency/1/modified-proof[1]-bit-4.json: sizes 1 -> 8, wantErr true.
    // The fixture's first hash also differs from the good proof (0x96 -> 0x9e), as the generator copied it.
    [Fact]
    public void Published_corrupted_consistency_fixture_fails()
    {
        var root1 = Convert.FromBase64String("bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=");
        var root2 = Convert.FromBase64String("XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=");
        var proof = new List<byte[]>
        {
            Convert.FromBase64String("lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c="),
            Convert.FromBase64String("Twg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4="),
            Convert.FromBase64String("a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="),
        };

        Assert.False(MerkleProof.VerifyConsistency(1, 8, root1, root2, proof));

        proof[1][0] ^= 16;
        Assert.True(MerkleProof.VerifyConsistency(1, 8, root1, root2, proof));
    }

    private static MerkleTree ReferenceTree()
    {
        var tree = new MerkleTree();
        foreach (var input in LeafInputs)
            tree.AppendEntry(Convert.FromHexString(input));
        return tree;
    }

    private static byte[] Root(long size) => Convert.FromHexString(Roots[size - 1]);

    private static List<byte[]> FromHex(string[] hashes) => hashes.Select(Convert.FromHexString).ToList();

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
