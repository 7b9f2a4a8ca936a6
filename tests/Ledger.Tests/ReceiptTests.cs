using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

public sealed class ReceiptTests
{
    [Fact]
    public void Receipt_has_the_tlog_proof_layout()
    {
        using var ledger = new TestLedger(count: 6);
        var checkpoint = ledger.Checkpoint();
        var entry = ledger.Entries[4];

        var text = Receipt.Create(ledger.Tree, 4, checkpoint, entry.Encoded).Format();

        var proof = ledger.Tree.InclusionProof(4, 6);
        var expected = "c2sp.org/tlog-proof@v1\n"
            + $"extra {Convert.ToBase64String(entry.Encoded)}\n"
            + "index 4\n"
            + string.Concat(proof.Select(h => Convert.ToBase64String(h) + "\n"))
            + "\n"
            + checkpoint.Format();
        Assert.Equal(expected, text);
    }

    [Fact]
    public void Receipt_round_trips_and_verifies_with_and_without_extra_data()
    {
        using var ledger = new TestLedger(count: 9);
        var checkpoint = ledger.Checkpoint();
        var verifier = new ReceiptVerifier(ledger.Verifier, ledger.Origin);

        var withEntry = Receipt.Parse(Receipt.Create(ledger.Tree, 7, checkpoint, ledger.Entries[7].Encoded).Format());
        var bare = Receipt.Parse(Receipt.Create(ledger.Tree, 7, checkpoint).Format());

        Assert.Equal(7, withEntry.Index);
        Assert.Equal(ledger.Entries[7].Encoded, withEntry.Extra);
        Assert.Null(bare.Extra);
        Assert.True(verifier.Verify(withEntry).Ok);
        Assert.True(verifier.Verify(bare, ledger.Entries[7].Encoded).Ok);
        Assert.False(verifier.Verify(bare).Ok);
    }

    [Fact]
    public void Another_entry_a_tampered_proof_or_a_wrong_index_fails()
    {
        using var ledger = new TestLedger(count: 9);
        var receipt = Receipt.Create(ledger.Tree, 3, ledger.Checkpoint(), ledger.Entries[3].Encoded);
        var verifier = new ReceiptVerifier(ledger.Verifier);

        var otherEntry = verifier.Verify(receipt, ledger.Entries[4].Encoded);
        var flipped = receipt.InclusionProof.Select(h => (byte[])h.Clone()).ToList();
        flipped[1][5] ^= 0x20;
        var tamperedProof = verifier.Verify(receipt with { InclusionProof = flipped });
        var wrongIndex = verifier.Verify(receipt with { Index = 2 });
        var alteredEntry = (byte[])receipt.Extra!.Clone();
        alteredEntry[^3] ^= 1;
        var alteredExtra = verifier.Verify(receipt with { Extra = alteredEntry });

        Assert.False(otherEntry.Ok);
        Assert.Contains("not at index 3", otherEntry.Message, StringComparison.Ordinal);
        Assert.False(tamperedProof.Ok);
        Assert.False(wrongIndex.Ok);
        Assert.False(alteredExtra.Ok);
    }

    [Fact]
    public void A_receipt_from_another_key_or_case_fails()
    {
        using var ledger = new TestLedger(count: 5);
        using var other = NoteSigner.Generate(TestLedger.LogKeyName);
        var receipt = Receipt.Create(ledger.Tree, 1, ledger.Checkpoint(), ledger.Entries[1].Encoded);

        var wrongKey = new ReceiptVerifier(other.Verifier).Verify(receipt);
        var wrongCase = new ReceiptVerifier(ledger.Verifier, LedgerOrigin.For(TestLedger.Prefix, "2026-BK-0099")).Verify(receipt);

        Assert.False(wrongKey.Ok);
        Assert.Contains("signature", wrongKey.Message, StringComparison.Ordinal);
        Assert.False(wrongCase.Ok);
        Assert.Contains("2026-BK-0099", wrongCase.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_whose_own_position_differs_from_the_index_is_refused_even_if_logged_there()
    {
        using var ledger = new TestLedger(count: 3);
        // A buggy or malicious writer logs, at index 3, an entry that says it is position 1.
        var misplaced = ledger.Forge(1, ledger.CaseId, actor: "someone");
        ledger.Entries.Add(misplaced);
        ledger.Tree.AppendEntry(misplaced.Encoded);
        var receipt = Receipt.Create(ledger.Tree, 3, ledger.Checkpoint(), misplaced.Encoded);

        var result = new ReceiptVerifier(ledger.Verifier).Verify(receipt);

        Assert.False(result.Ok);
        Assert.Contains("position 1", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_later_checkpoint_with_a_consistency_proof_shows_the_entry_is_still_included()
    {
        using var ledger = new TestLedger(count: 10);
        var receipt = Receipt.Create(ledger.Tree, 6, ledger.Checkpoint(), ledger.Entries[6].Encoded);
        for (var i = 0; i < 13; i++)
            ledger.Append(kind: "vote.cast");
        var later = ledger.Checkpoint().Format();
        var verifier = new ReceiptVerifier(ledger.Verifier);

        var still = verifier.VerifyStillIncluded(receipt, later, ledger.Tree.ConsistencyProof(10, 23));

        Assert.True(still.Ok, still.Message);
        Assert.False(verifier.VerifyStillIncluded(receipt, later, ledger.Tree.ConsistencyProof(9, 23)).Ok);
    }

    [Fact]
    public void A_later_checkpoint_of_a_rewritten_log_is_not_consistent_with_the_receipt()
    {
        using var ledger = new TestLedger(count: 10);
        var receipt = Receipt.Create(ledger.Tree, 6, ledger.Checkpoint(), ledger.Entries[6].Encoded);
        // The same log key signs a history where entry 6 was replaced, then grows it.
        using var forked = new TestLedger(ledger.CaseId, logKey: NoteSigner.FromSkey(ledger.LogKey.ToSkey()));
        for (var i = 0; i < 20; i++)
            forked.Append(actor: i == 6 ? "someone-else" : "creditor-7");

        var result = new ReceiptVerifier(ledger.Verifier).VerifyStillIncluded(receipt, forked.Checkpoint().Format(), forked.Tree.ConsistencyProof(10, 20));

        Assert.False(result.Ok);
        Assert.Contains("rewritten", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2sp.org/tlog-proof@v2\nindex 0\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 01\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex -1\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nextra !!\nindex 0\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\nAAAA\n\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\n")]
    [InlineData("c2sp.org/tlog-proof@v1\nindex 0\n\nnot a checkpoint\n")]
    public void Malformed_receipts_are_refused(string prefix)
    {
        using var ledger = new TestLedger(count: 1);
        var text = prefix.EndsWith("\n\n", StringComparison.Ordinal) ? prefix + ledger.Checkpoint().Format() : prefix;

        Assert.Throws<FormatException>(() => Receipt.Parse(text));
    }
}
