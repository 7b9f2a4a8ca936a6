using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

public sealed class NoteKeyTests
{
    [Fact]
    public void Key_id_is_the_first_four_bytes_of_the_signed_note_hash_over_name_newline_type_and_key()
    {
        using var signer = NoteSigner.Generate("casegrains.example/log");
        var spki = signer.Verifier.PublicKey.ToArray();

        // Built from the signed-note recommendation and the type identifier documented on NoteKeys.
        var preimage = Encoding.UTF8.GetBytes("casegrains.example/log\n")
            .Concat(new byte[] { 0xff }).Concat(Encoding.ASCII.GetBytes("casegrains/ecdsa-p256-sha256/v1")).Concat(spki).ToArray();
        var expected = BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(preimage));

        Assert.Equal(expected, signer.KeyId);
        Assert.Equal(expected, signer.Verifier.KeyId);
    }

    [Fact]
    public void The_same_key_has_different_ids_as_checkpoint_and_cosignature_key()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var spki = ecdsa.ExportSubjectPublicKeyInfo();

        var asLog = new NoteVerifier("court.example/w", NoteKeyType.Checkpoint, spki);
        var asWitness = new NoteVerifier("court.example/w", NoteKeyType.Cosignature, spki);

        Assert.NotEqual(asLog.KeyId, asWitness.KeyId);
    }

    [Fact]
    public void Vkey_round_trips_and_has_the_note_text_layout()
    {
        using var signer = NoteSigner.Generate("casegrains.example/log");
        var vkey = signer.Verifier.ToVkey();

        var parts = vkey.Split('+', 3);
        Assert.Equal("casegrains.example/log", parts[0]);
        Assert.Equal(signer.KeyId.ToString("x8"), parts[1]);
        var body = Convert.FromBase64String(parts[2]);
        Assert.Equal(0xff, body[0]);

        var parsed = NoteVerifier.Parse(vkey);
        Assert.Equal(signer.Name, parsed.Name);
        Assert.Equal(signer.KeyId, parsed.KeyId);
        Assert.Equal(NoteKeyType.Checkpoint, parsed.Type);
        Assert.True(parsed.PublicKey.SequenceEqual(signer.Verifier.PublicKey));
    }

    [Fact]
    public void Vkey_whose_id_does_not_match_its_key_is_refused()
    {
        using var signer = NoteSigner.Generate("casegrains.example/log");
        var parts = signer.Verifier.ToVkey().Split('+', 3);
        var wrongId = (signer.KeyId ^ 1).ToString("x8");

        Assert.Throws<FormatException>(() => NoteVerifier.Parse($"{parts[0]}+{wrongId}+{parts[2]}"));
        Assert.Throws<FormatException>(() => NoteVerifier.Parse($"other.example/log+{parts[1]}+{parts[2]}"));
        Assert.False(NoteVerifier.TryParse("casegrains.example/log+zzzzzzzz+AAAA", out _));
        Assert.False(NoteVerifier.TryParse(signer.ToSkey(), out _));
    }

    [Fact]
    public void Skey_round_trip_signs_for_the_original_public_key()
    {
        using var original = NoteSigner.Generate("casegrains.example/log");
        var skey = original.ToSkey();
        Assert.StartsWith("PRIVATE+KEY+casegrains.example/log+", skey, StringComparison.Ordinal);

        using var restored = NoteSigner.FromSkey(skey);
        var note = SignedNote.Sign("hello\n", restored);

        Assert.True(note.IsVerifiedBy(original.Verifier));
        Assert.Throws<FormatException>(() => CosignatureSigner.FromSkey(skey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("plus+sign")]
    [InlineData("tab\tname")]
    public void Invalid_key_names_are_refused(string name)
    {
        Assert.False(NoteKeys.IsValidName(name));
        Assert.Throws<ArgumentException>(() => NoteSigner.Generate(name));
    }

    [Fact]
    public void Keys_on_other_curves_are_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Throws<ArgumentException>(() => new NoteSigner("casegrains.example/log", p384));
        Assert.Throws<FormatException>(() => new NoteVerifier("casegrains.example/log", NoteKeyType.Checkpoint, p384.ExportSubjectPublicKeyInfo()));
    }
}
