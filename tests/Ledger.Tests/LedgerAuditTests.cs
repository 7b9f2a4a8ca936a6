using System.Text;
using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

public sealed class LedgerAuditTests
{
    [Fact]
    public void An_intact_export_verifies()
    {
        using var ledger = new TestLedger(count: 25);

        var result = LedgerAudit.Verify(new StringReader(ledger.ExportText()), ledger.Verifier);

        Assert.True(result.Ok, result.ToString());
        Assert.Equal(25, result.EntriesRead);
        Assert.Null(result.Position);
    }

    [Fact]
    public void An_empty_ledger_verifies_against_a_size_zero_checkpoint()
    {
        using var ledger = new TestLedger(count: 0);

        var result = LedgerAudit.Verify(new StringReader(ledger.ExportText()), ledger.Verifier);

        Assert.True(result.Ok, result.ToString());
    }

    [Fact]
    public void A_changed_byte_in_an_entry_is_named_by_position()
    {
        using var ledger = new TestLedger(count: 25);
        var entries = Exported(ledger);
        // "creditor-7" -> "creditor-8": still a well-formed entry, only its bytes differ.
        entries[13] = entries[13] with { Encoded = Replace(entries[13].Encoded, "creditor-7", "creditor-8") };

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.LeafHashMismatch, result.Problem);
        Assert.Equal(13, result.Position);
        Assert.Contains("entry's bytes were altered", result.Message, StringComparison.Ordinal);
        Assert.StartsWith("FAIL at position 13:", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_recorded_hash_is_told_apart_from_a_changed_entry()
    {
        using var ledger = new TestLedger(count: 25);
        var entries = Exported(ledger);
        var hash = (byte[])entries[9].LeafHash!.Clone();
        hash[0] ^= 0x80;
        entries[9] = entries[9] with { LeafHash = hash };

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.LeafHashMismatch, result.Problem);
        Assert.Equal(9, result.Position);
        Assert.Contains("recorded leaf hash was altered", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_entry_is_named_by_position()
    {
        using var ledger = new TestLedger(count: 25);
        var entries = Exported(ledger);
        entries.RemoveAt(17);

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.PositionMismatch, result.Problem);
        Assert.Equal(17, result.Position);
        Assert.Contains("position 17 is missing", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_last_entry_is_named_by_position()
    {
        using var ledger = new TestLedger(count: 25);
        var entries = Exported(ledger);
        entries.RemoveAt(24);

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.MissingEntries, result.Problem);
        Assert.Equal(24, result.Position);
    }

    [Fact]
    public void Two_swapped_entries_are_named_by_the_first_position()
    {
        using var ledger = new TestLedger(count: 25);
        var entries = Exported(ledger);
        (entries[5], entries[11]) = (entries[11], entries[5]);

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.PositionMismatch, result.Problem);
        Assert.Equal(5, result.Position);
        Assert.Contains("appears later, at index 11", result.Message, StringComparison.Ordinal);
        Assert.Contains("reordered", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicated_entry_is_named_by_position()
    {
        using var ledger = new TestLedger(count: 10);
        var entries = Exported(ledger);
        entries.Insert(4, entries[3]);

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.PositionMismatch, result.Problem);
        Assert.Equal(4, result.Position);
        Assert.Contains("position 3 appears twice", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_entry_of_another_case_is_named_by_position()
    {
        using var ledger = new TestLedger(count: 10);
        var entries = Exported(ledger);
        entries[6] = ExportedEntry.From(ledger.Forge(6, "2026-BK-0099"));

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.WrongCase, result.Problem);
        Assert.Equal(6, result.Position);
        Assert.Contains("2026-BK-0099", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_checkpoint_not_signed_by_the_trusted_key_fails_before_any_entry()
    {
        using var ledger = new TestLedger(count: 10);
        using var impostor = NoteSigner.Generate(TestLedger.LogKeyName);

        var result = LedgerAudit.Verify(Exported(ledger), ledger.Checkpoint().Format(), impostor.Verifier);

        Assert.Equal(LedgerAuditProblem.BadSignature, result.Problem);
        Assert.Null(result.Position);
    }

    [Fact]
    public void An_export_checked_as_another_case_fails()
    {
        using var ledger = new TestLedger(count: 3);

        var result = LedgerAudit.Verify(Exported(ledger), ledger.Checkpoint().Format(), ledger.Verifier, caseId: "2026-BK-0099");

        Assert.Equal(LedgerAuditProblem.WrongCase, result.Problem);
    }

    [Fact]
    public void Entries_rewritten_together_with_their_hashes_are_caught_by_the_signed_root()
    {
        using var ledger = new TestLedger(count: 10);
        var entries = Exported(ledger);
        var rewritten = ledger.Forge(4, ledger.CaseId, actor: "creditor-9");
        entries[4] = ExportedEntry.From(rewritten);

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.RootMismatch, result.Problem);
        Assert.Null(result.Position);
    }

    [Fact]
    public void Without_recorded_hashes_a_changed_entry_is_still_caught_by_the_root()
    {
        using var ledger = new TestLedger(count: 10);
        var entries = ledger.Entries.Select(e => new ExportedEntry(e.Encoded, null)).ToList();
        Assert.True(LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier).Ok);
        entries[2] = entries[2] with { Encoded = Replace(entries[2].Encoded, "creditor-7", "creditor-8") };

        var result = LedgerAudit.Verify(entries, ledger.Checkpoint().Format(), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.RootMismatch, result.Problem);
        Assert.Contains("without a recorded leaf hash", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entries_beyond_the_checkpoint_are_named()
    {
        using var ledger = new TestLedger(count: 10);
        var checkpoint = ledger.Checkpoint().Format();
        ledger.Append();

        var result = LedgerAudit.Verify(Exported(ledger), checkpoint, ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.ExtraEntries, result.Problem);
        Assert.Equal(10, result.Position);
    }

    [Fact]
    public void A_byte_changed_in_the_export_text_is_named_by_position()
    {
        using var ledger = new TestLedger(count: 12);
        var lines = ledger.ExportText().Split('\n');
        // Line 0 is the header, so entry 8 is line 9. Change one base64 character of its entry.
        var line = lines[9];
        var at = line.IndexOf("\"entry\":\"", StringComparison.Ordinal) + 20;
        lines[9] = line[..at] + (line[at] == 'A' ? 'B' : 'A') + line[(at + 1)..];

        var result = LedgerAudit.Verify(new StringReader(string.Join('\n', lines)), ledger.Verifier);

        Assert.False(result.Ok);
        Assert.Equal(8, result.Position);
    }

    [Fact]
    public void A_broken_export_line_is_named_by_position()
    {
        using var ledger = new TestLedger(count: 12);
        var lines = ledger.ExportText().Split('\n');
        lines[4] = lines[4][..^5];

        var result = LedgerAudit.Verify(new StringReader(string.Join('\n', lines)), ledger.Verifier);

        Assert.Equal(LedgerAuditProblem.MalformedEntry, result.Problem);
        Assert.Equal(3, result.Position);
    }

    [Fact]
    public void Streaming_reads_give_the_same_entries_and_checkpoint_as_the_writer_wrote()
    {
        using var ledger = new TestLedger(count: 7);
        var text = ledger.ExportText();

        var checkpoint = LedgerExport.ReadCheckpoint(new StringReader(text));
        var entries = LedgerExport.ReadEntries(new StringReader(text)).ToList();

        Assert.Equal(ledger.Checkpoint().Note.Text, SignedNote.Parse(checkpoint).Text);
        Assert.Equal(ledger.Entries.Select(e => e.Encoded), entries.Select(e => e.Encoded));
        Assert.Equal(ledger.Entries.Select(e => e.LeafHash()), entries.Select(e => e.LeafHash));
        Assert.StartsWith("{\"format\":\"casegrains-ledger-export/v1\"}\n{\"entry\":\"", text, StringComparison.Ordinal);
        Assert.Contains("\\n\u2014 casegrains.example/log ", text, StringComparison.Ordinal);
    }

    private static List<ExportedEntry> Exported(TestLedger ledger) => ledger.Entries.Select(ExportedEntry.From).ToList();

    private static byte[] Replace(byte[] bytes, string from, string to) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(from, to, StringComparison.Ordinal));
}
