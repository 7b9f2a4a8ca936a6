using System.Security.Cryptography;
using System.Text;
using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

public sealed class CosignatureTests
{
    [Fact]
    public void Cosignature_is_timestamp_then_ECDSA_signature_over_the_cosignature_v1_message()
    {
        using var ledger = new TestLedger(count: 4);
        using var court = CosignatureSigner.Generate("court.example/witness");
        var checkpointText = ledger.Checkpoint().Note.Text;

        var cosignature = court.Cosign(checkpointText, 1_679_315_147);

        Assert.Equal(8 + 64, cosignature.Signature.Length);
        Assert.True(Cosignature.TryGetTimestamp(cosignature, out var time));
        Assert.Equal(1_679_315_147, time);
        // Checked with the raw key against the message the spec defines, not through the library's verifier.
        var message = Encoding.UTF8.GetBytes("cosignature/v1\ntime 1679315147\n" + checkpointText);
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(court.Verifier.PublicKey, out _);
        Assert.True(key.VerifyData(message, cosignature.Signature.AsSpan(8), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        Assert.True(court.Verifier.Verify(checkpointText, cosignature));
    }

    [Fact]
    public void A_cosigned_checkpoint_still_verifies_for_the_log_and_tells_the_witness_time()
    {
        using var ledger = new TestLedger(count: 4);
        using var court = CosignatureSigner.Generate("court.example/witness");
        var signed = ledger.Checkpoint();

        var cosigned = SignedCheckpoint.Parse(signed.WithCosignature(court.Cosign(signed.Note.Text, 1_700_000_000)).Format());

        Assert.True(cosigned.IsSignedBy(ledger.Verifier));
        Assert.Equal(1_700_000_000, cosigned.CosignedAt(court.Verifier));
    }

    [Fact]
    public void An_altered_timestamp_or_checkpoint_breaks_the_cosignature()
    {
        using var ledger = new TestLedger(count: 4);
        using var court = CosignatureSigner.Generate("court.example/witness");
        var text = ledger.Checkpoint().Note.Text;
        var cosignature = court.Cosign(text, 1_700_000_000);

        var laterTime = (byte[])cosignature.Signature.Clone();
        laterTime[7] ^= 1;

        Assert.False(court.Verifier.Verify(text, cosignature with { Signature = laterTime }));
        Assert.False(court.Verifier.Verify(text.Replace("\n4\n", "\n5\n", StringComparison.Ordinal), cosignature));
    }

    [Fact]
    public void A_log_signature_does_not_count_as_a_cosignature_from_the_same_key_material()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = ecdsa.ExportPkcs8PrivateKey();
        using var logKey = new NoteSigner("court.example/witness", ImportKey(pkcs8));
        using var witnessKey = new CosignatureSigner("court.example/witness", ImportKey(pkcs8));

        var logSignature = logKey.Sign("origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");

        Assert.False(witnessKey.Verifier.Matches(logSignature));
        Assert.False(witnessKey.Verifier.Verify("origin\n1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n", logSignature));
    }

    private static ECDsa ImportKey(byte[] pkcs8)
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    }
}
