using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>The part-by-part export writer and the streaming audit give exactly what the whole-ledger forms give.</summary>
public sealed class LedgerStreamingTests
{
    [Fact]
    public void An_export_written_in_parts_is_the_export_written_at_once()
    {
        using var ledger = new TestLedger(count: 9);
        using var parts = new StringWriter();
        LedgerExport.WriteHeader(parts);
        foreach (var entry in ledger.Entries)
            LedgerExport.WriteEntry(parts, ExportedEntry.From(entry));
        LedgerExport.WriteCheckpoint(parts, ledger.Checkpoint().Format());

        var whole = ledger.ExportText();
        Assert.Equal(LedgerExport.ReadEntries(new StringReader(whole)).Select(e => Convert.ToBase64String(e.Encoded)),
            LedgerExport.ReadEntries(new StringReader(parts.ToString())).Select(e => Convert.ToBase64String(e.Encoded)));
        Assert.Equal(whole.Split('\n').Length, parts.ToString().Split('\n').Length);
        Assert.True(LedgerAudit.Verify(new StringReader(parts.ToString()), ledger.Verifier).Ok);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public async Task The_async_audit_reaches_the_same_verdict_as_the_sync_audit(int deleted)
    {
        using var ledger = new TestLedger(count: 12);
        var checkpoint = ledger.Checkpoint().Format();
        var entries = ledger.Entries.Select(ExportedEntry.From).Where((_, i) => i != deleted).ToList();

        var sync = LedgerAudit.Verify(entries, checkpoint, ledger.Verifier);
        var streamed = await LedgerAudit.VerifyAsync(Stream(entries), checkpoint, ledger.Verifier);

        Assert.Equal(sync, streamed);
        Assert.Equal(deleted < 0, streamed.Ok);
    }

    private static async IAsyncEnumerable<ExportedEntry> Stream(IEnumerable<ExportedEntry> entries)
    {
        foreach (var entry in entries)
        {
            await Task.Yield();
            yield return entry;
        }
    }
}
