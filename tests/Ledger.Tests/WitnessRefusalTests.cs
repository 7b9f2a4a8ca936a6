using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>Signed refusals: verifiable by the witness's key only, bound to the checkpoint and the reason, and never
/// mistakable for a cosignature (or the other way round).</summary>
public sealed class WitnessRefusalTests : IDisposable
{
    private readonly TestLedger ledger = new(count: 6);
    private readonly CosignatureSigner taxBureau = CosignatureSigner.Generate("tax-sz");
    private string Text => ledger.Checkpoint().Note.Text;

    [Fact]
    public void A_refusal_verifies_for_its_checkpoint_reason_and_witness_only()
    {
        var refusal = WitnessRefusal.Sign(taxBureau, Text, "the log forked", 1_770_000_000);

        Assert.True(WitnessRefusal.Verify(taxBureau.Verifier, Text, "the log forked", refusal));
        Assert.False(WitnessRefusal.Verify(taxBureau.Verifier, Text, "the log forked.", refusal));
        ledger.Append();
        Assert.False(WitnessRefusal.Verify(taxBureau.Verifier, ledger.Checkpoint().Note.Text, "the log forked", refusal));
        using var court = CosignatureSigner.Generate("tax-sz");
        Assert.False(WitnessRefusal.Verify(court.Verifier, Text, "the log forked", refusal));
        Assert.True(Cosignature.TryGetTimestamp(refusal, out var time));
        Assert.Equal(1_770_000_000, time);
    }

    [Fact]
    public void A_refusal_is_not_a_cosignature_and_a_cosignature_is_not_a_refusal()
    {
        var refusal = WitnessRefusal.Sign(taxBureau, Text, "no", 5);
        var cosignature = taxBureau.Cosign(Text, 5);

        Assert.False(taxBureau.Verifier.Verify(Text, refusal));
        Assert.False(WitnessRefusal.Verify(taxBureau.Verifier, Text, "no", cosignature));
        Assert.True(taxBureau.Verifier.Verify(Text, cosignature));
    }

    [Theory]
    [InlineData("two\nlines", "two lines")]
    [InlineData("  padded \r\n reason ", "padded reason")]
    [InlineData("\n", "refused")]
    public void Reasons_are_made_one_line_before_signing(string given, string normalized)
    {
        Assert.Equal(normalized, WitnessRefusal.Normalize(given));
        Assert.Throws<ArgumentException>(() => WitnessRefusal.Sign(taxBureau, Text, "a\nb", 1));
        Assert.Equal(WitnessRefusal.MaxReasonLength, WitnessRefusal.Normalize(new string('x', 5000)).Length);
    }

    public void Dispose()
    {
        ledger.Dispose();
        taxBureau.Dispose();
    }
}
