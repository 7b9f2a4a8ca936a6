using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

public sealed class WitnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void First_cosignature_checks_only_the_log_signature_and_carries_the_time()
    {
        using var ledger = new TestLedger(count: 4);
        using var court = CosignatureSigner.Generate("court.example/witness");
        var witness = new Witness(ledger.Verifier, court, new FixedTime(Now));

        var result = witness.Cosign(null, ledger.Checkpoint().Format(), []);

        Assert.True(result.Ok, result.Message);
        Assert.Equal(Now.ToUnixTimeSeconds(), result.Cosigned!.CosignedAt(court.Verifier));
        Assert.True(result.Cosigned.IsSignedBy(ledger.Verifier));
        Assert.StartsWith("\u2014 court.example/witness ", result.Cosignature!.ToLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Cosigns_a_checkpoint_that_extends_its_last_one()
    {
        using var ledger = new TestLedger(count: 4);
        using var court = CosignatureSigner.Generate("court.example/witness");
        var witness = new Witness(ledger.Verifier, court, new FixedTime(Now));
        var last = witness.Cosign(null, ledger.Checkpoint().Format(), []).Cosigned!.Format();
        for (var i = 0; i < 7; i++)
            ledger.Append();

        var result = witness.Cosign(last, ledger.Checkpoint().Format(), ledger.Tree.ConsistencyProof(4, 11));

        Assert.True(result.Ok, result.Message);
        Assert.Equal(11, result.Cosigned!.Size);
    }

    [Fact]
    public void Refuses_a_fork_a_shrink_a_bad_proof_and_an_unsigned_checkpoint()
    {
        using var ledger = new TestLedger(count: 8);
        using var court = CosignatureSigner.Generate("court.example/witness");
        using var stranger = NoteSigner.Generate(TestLedger.LogKeyName);
        var witness = new Witness(ledger.Verifier, court, new FixedTime(Now));
        var last = witness.Cosign(null, ledger.Checkpoint().Format(), []).Cosigned!.Format();

        using var forked = new TestLedger(ledger.CaseId, logKey: NoteSigner.FromSkey(ledger.LogKey.ToSkey()));
        for (var i = 0; i < 8; i++)
            forked.Append(actor: i == 2 ? "someone-else" : "creditor-7");
        var sameSizeFork = witness.Cosign(last, forked.Checkpoint().Format(), []);
        var shrunk = witness.Cosign(last, ledger.CheckpointAt(5).Format(), []);
        for (var i = 0; i < 4; i++)
            ledger.Append();
        var badProof = witness.Cosign(last, ledger.Checkpoint().Format(), ledger.Tree.ConsistencyProof(7, 12));
        var unsigned = witness.Cosign(last, SignedCheckpoint.Create(new Checkpoint(ledger.Origin, 12, ledger.Tree.Root()), stranger).Format(), ledger.Tree.ConsistencyProof(8, 12));

        Assert.False(sameSizeFork.Ok);
        Assert.Contains("forked", sameSizeFork.Message, StringComparison.Ordinal);
        Assert.False(shrunk.Ok);
        Assert.Contains("shrank", shrunk.Message, StringComparison.Ordinal);
        Assert.False(badProof.Ok);
        Assert.False(unsigned.Ok);
        Assert.Null(unsigned.Cosignature);
    }

    [Fact]
    public void Refuses_a_last_checkpoint_it_did_not_cosign()
    {
        using var ledger = new TestLedger(count: 3);
        using var court = CosignatureSigner.Generate("court.example/witness");
        using var taxBureau = CosignatureSigner.Generate("tax.example/witness");
        var lastByOther = new Witness(ledger.Verifier, taxBureau).Cosign(null, ledger.Checkpoint().Format(), []).Cosigned!.Format();
        ledger.Append();

        var result = new Witness(ledger.Verifier, court).Cosign(lastByOther, ledger.Checkpoint().Format(), ledger.Tree.ConsistencyProof(3, 4));

        Assert.False(result.Ok);
        Assert.Contains("court.example/witness", result.Message, StringComparison.Ordinal);
    }
}
