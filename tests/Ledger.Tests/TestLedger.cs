using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>A small case ledger with a log key, built the way a case grain would build one.</summary>
internal sealed class TestLedger : IDisposable
{
    public const string Prefix = "casegrains.example";
    public const string LogKeyName = "casegrains.example/log";
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public TestLedger(string caseId = "2026-BK-0042", int count = 0, NoteSigner? logKey = null)
    {
        CaseId = caseId;
        Origin = LedgerOrigin.For(Prefix, caseId);
        LogKey = logKey ?? NoteSigner.Generate(LogKeyName);
        for (var i = 0; i < count; i++)
            Append();
    }

    public string CaseId { get; }

    public string Origin { get; }

    public NoteSigner LogKey { get; }

    public MerkleTree Tree { get; } = new();

    public List<LedgerEntry> Entries { get; } = [];

    public NoteVerifier Verifier => LogKey.Verifier;

    public LedgerEntry Append(string kind = "claim.declared", string actor = "creditor-7")
    {
        var position = (long)Entries.Count;
        var data = CanonicalJson.Serialize(new { claimId = $"C-{position:D4}", amountCents = 125_000L + position, currency = "TWD" });
        var entry = LedgerEntryEncoding.Encode(CaseId, position, Start.AddMinutes(position), actor, kind, data);
        Entries.Add(entry);
        Tree.AppendEntry(entry.Encoded);
        return entry;
    }

    public SignedCheckpoint Checkpoint() => CheckpointAt(Tree.Size);

    public SignedCheckpoint CheckpointAt(long size) =>
        SignedCheckpoint.Create(new Checkpoint(Origin, size, Tree.RootAt(size)), LogKey);

    /// <summary>An entry of this case re-encoded with different fields, as a forger would make one.</summary>
    public LedgerEntry Forge(long position, string caseId, string actor = "creditor-7") =>
        LedgerEntryEncoding.Encode(caseId, position, Start.AddMinutes(position), actor, "claim.declared",
            CanonicalJson.Serialize(new { claimId = $"C-{position:D4}", amountCents = 125_000L + position, currency = "TWD" }));

    public string ExportText()
    {
        using var writer = new StringWriter();
        LedgerExport.Write(writer, Entries, Checkpoint().Format());
        return writer.ToString();
    }

    public void Dispose() => LogKey.Dispose();
}
