using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

public sealed class CheckpointTests
{
    [Fact]
    public void Checkpoint_text_is_origin_size_and_base64_root_lines()
    {
        var root = MerkleHash.Leaf("x"u8);
        var checkpoint = new Checkpoint("casegrains.example/case/2026-BK-0042", 20852163, root);

        Assert.Equal($"casegrains.example/case/2026-BK-0042\n20852163\n{Convert.ToBase64String(root)}\n", checkpoint.Format());
    }

    [Fact]
    public void Sign_parse_verify_round_trip()
    {
        using var ledger = new TestLedger(count: 5);
        var signedText = ledger.Checkpoint().Format();

        var parsed = SignedCheckpoint.Parse(signedText);

        Assert.Equal(ledger.Origin, parsed.Origin);
        Assert.Equal(5, parsed.Size);
        Assert.Equal(ledger.Tree.Root(), parsed.RootHash);
        Assert.True(parsed.IsSignedBy(ledger.Verifier));
        Assert.Equal(signedText, parsed.Format());
    }

    [Theory]
    [InlineData("size")]
    [InlineData("root")]
    [InlineData("origin")]
    [InlineData("extension")]
    public void A_modified_checkpoint_fails_verification(string field)
    {
        using var ledger = new TestLedger(count: 5);
        var signed = ledger.Checkpoint();
        var body = signed.Checkpoint;
        var otherRoot = (byte[])body.RootHash.Clone();
        otherRoot[0] ^= 1;
        var modified = field switch
        {
            "size" => new Checkpoint(body.Origin, 6, body.RootHash),
            "root" => new Checkpoint(body.Origin, body.Size, otherRoot),
            "origin" => new Checkpoint("casegrains.example/case/other", body.Size, body.RootHash),
            _ => new Checkpoint(body.Origin, body.Size, body.RootHash, ["note: added"]),
        };

        var forged = new SignedNote(modified.Format(), signed.Note.Signatures);

        Assert.False(SignedCheckpoint.Parse(forged.Format()).IsSignedBy(ledger.Verifier));
    }

    [Fact]
    public void A_checkpoint_signed_by_another_log_key_fails()
    {
        using var ledger = new TestLedger(count: 3);
        using var otherKey = NoteSigner.Generate(TestLedger.LogKeyName);

        var signed = SignedCheckpoint.Create(new Checkpoint(ledger.Origin, 3, ledger.Tree.Root()), otherKey);

        Assert.False(signed.IsSignedBy(ledger.Verifier));
        Assert.True(signed.IsSignedBy(otherKey.Verifier));
    }

    [Theory]
    [InlineData("origin\n007\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n-1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n+1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n99999999999999999999\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n1\nAAAA\n")]
    [InlineData("origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB=\n")]
    [InlineData("\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")]
    [InlineData("origin\n1\n")]
    [InlineData("origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n\n")]
    [InlineData("origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void Malformed_checkpoint_bodies_are_refused(string text)
    {
        Assert.Throws<FormatException>(() => Checkpoint.Parse(text));
    }

    [Fact]
    public void Zero_size_and_extension_lines_parse()
    {
        var text = $"casegrains.example/case/A\n0\n{Convert.ToBase64String(MerkleHash.Empty())}\nextension one\n";

        var checkpoint = Checkpoint.Parse(text);

        Assert.Equal(0, checkpoint.Size);
        Assert.Equal(["extension one"], checkpoint.Extensions);
        Assert.Equal(text, checkpoint.Format());
    }

    [Fact]
    public void Origin_names_the_case()
    {
        Assert.Equal("casegrains.example/case/2026-BK-0042", LedgerOrigin.For("casegrains.example/", "2026-BK-0042"));
        Assert.True(LedgerOrigin.TryGetCaseId("casegrains.example/case/2026-BK-0042", out var caseId));
        Assert.Equal("2026-BK-0042", caseId);
        Assert.False(LedgerOrigin.TryGetCaseId("example.com/log", out _));
        Assert.False(LedgerOrigin.TryGetCaseId("casegrains.example/case/", out _));
    }
}
