using System.Buffers.Binary;
using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

public sealed class SignedNoteTests
{
    [Fact]
    public void Signed_note_is_text_blank_line_and_em_dash_signature_lines()
    {
        using var signer = NoteSigner.Generate("casegrains.example/log");

        var text = SignedNote.Sign("line one\nline two\n", signer).Format();

        var lines = text.Split('\n');
        Assert.Equal(["line one", "line two", ""], lines[..3]);
        Assert.StartsWith("\u2014 casegrains.example/log ", lines[3], StringComparison.Ordinal);
        Assert.Equal("", lines[4]);
        Assert.Equal(5, lines.Length);
        var signature = Convert.FromBase64String(lines[3].Split(' ')[2]);
        Assert.Equal(4 + 64, signature.Length);
        Assert.Equal(signer.KeyId, BinaryPrimitives.ReadUInt32BigEndian(signature));
    }

    [Fact]
    public void Parse_round_trips_and_verifies()
    {
        using var signer = NoteSigner.Generate("casegrains.example/log");
        var text = SignedNote.Sign("Ognuno sta solo sul cuor della terra\n\ned è subito sera.\n", signer).Format();

        var parsed = SignedNote.Parse(text);

        Assert.Equal("Ognuno sta solo sul cuor della terra\n\ned è subito sera.\n", parsed.Text);
        Assert.Equal(text, parsed.Format());
        Assert.True(parsed.IsVerifiedBy(signer.Verifier));
    }

    [Fact]
    public void Altered_text_fails_verification()
    {
        using var signer = NoteSigner.Generate("casegrains.example/log");
        var text = SignedNote.Sign("casegrains.example/case/A\n10\n", signer).Format();

        var altered = SignedNote.Parse(text.Replace("\n10\n", "\n11\n", StringComparison.Ordinal));

        Assert.False(altered.IsVerifiedBy(signer.Verifier));
    }

    [Fact]
    public void Signatures_by_unknown_keys_are_ignored_but_one_by_the_trusted_key_is_required()
    {
        using var log = NoteSigner.Generate("casegrains.example/log");
        using var stranger = NoteSigner.Generate("stranger.example/key");
        using var impostor = NoteSigner.Generate("casegrains.example/log"); // same name, other key: other key ID

        var byBoth = SignedNote.Sign("body\n", stranger).WithSignature(log.Sign("body\n"));
        var byImpostor = SignedNote.Sign("body\n", impostor);

        Assert.True(byBoth.IsVerifiedBy(log.Verifier));
        Assert.False(byImpostor.IsVerifiedBy(log.Verifier));
        Assert.False(SignedNote.Sign("body\n", stranger).IsVerifiedBy(log.Verifier));
    }

    [Fact]
    public void A_bad_signature_from_the_trusted_key_rejects_the_whole_note_even_beside_a_good_one()
    {
        using var log = NoteSigner.Generate("casegrains.example/log");
        var good = log.Sign("body\n");
        var forged = good with { Signature = log.Sign("other body\n").Signature };

        var note = new SignedNote("body\n", [good, forged]);

        Assert.False(note.IsVerifiedBy(log.Verifier));
    }

    [Theory]
    [InlineData("no blank line\n\u2014 a AAAAAAA=\n")]
    [InlineData("text\n\n")]
    [InlineData("text\n\n\u2014 a AAAAAAA=")]
    [InlineData("text\n\n- a AAAAAAA=\n")]
    [InlineData("text\n\n\u2014 a AAAA\n")]
    [InlineData("text\n\n\u2014 a not-base64!\n")]
    [InlineData("text\n\n\u2014  AAAAAAA=\n")]
    [InlineData("text\n\n\u2014 a+b AAAAAAA=\n")]
    [InlineData("te\u0007xt\n\n\u2014 a AAAAAAA=\n")]
    [InlineData("te\rxt\n\n\u2014 a AAAAAAA=\n")]
    [InlineData("text\n\n\u2014 a AAAAAAA=\n\u2014 b\n")]
    public void Malformed_notes_are_refused(string note)
    {
        Assert.Throws<FormatException>(() => SignedNote.Parse(note));
        Assert.False(SignedNote.TryParse(note, out _));
    }

    [Fact]
    public void Notes_with_too_many_signatures_are_refused()
    {
        var lines = string.Concat(Enumerable.Repeat("\u2014 a AAAAAAA=\n", SignedNote.MaxSignatures + 1));
        Assert.Throws<FormatException>(() => SignedNote.Parse("text\n\n" + lines));
    }
}
