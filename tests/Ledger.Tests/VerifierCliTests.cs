using CaseGrains.Ledger;
using CaseGrains.LedgerVerifier;

namespace CaseGrains.Ledger.Tests;

/// <summary>The console run in-process, on real files, checking exit codes and what it tells the user.</summary>
public sealed class VerifierCliTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("casegrains-verify-").FullName;
    private readonly TestLedger ledger = new(count: 20);

    public VerifierCliTests()
    {
        Write("log.vkey", ledger.Verifier.ToVkey() + "\n");
        Write("ledger.jsonl", ledger.ExportText());
    }

    [Fact]
    public void Verify_ledger_exits_0_for_an_intact_export()
    {
        var (code, output, _) = Run("verify-ledger", Path("ledger.jsonl"), "--key", Path("log.vkey"));

        Assert.Equal(ExitCodes.Verified, code);
        Assert.Contains("OK: 20 entries of casegrains.example/case/2026-BK-0042", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ledger_exits_1_naming_a_deleted_entry()
    {
        var lines = File.ReadAllLines(Path("ledger.jsonl")).ToList();
        lines.RemoveAt(1 + 7);
        File.WriteAllText(Path("ledger.jsonl"), string.Join('\n', lines) + "\n");

        var (code, _, error) = Run("verify-ledger", Path("ledger.jsonl"), "--key", Path("log.vkey"));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("FAIL at position 7", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ledger_exits_1_naming_a_tampered_entry()
    {
        var text = File.ReadAllText(Path("ledger.jsonl"));
        var entry = Convert.ToBase64String(ledger.Entries[12].Encoded);
        var tampered = Convert.ToBase64String(ledger.Forge(12, ledger.CaseId, actor: "creditor-9").Encoded);
        File.WriteAllText(Path("ledger.jsonl"), text.Replace(entry, tampered, StringComparison.Ordinal));

        var (code, _, error) = Run("verify-ledger", Path("ledger.jsonl"), "--key", Path("log.vkey"));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("FAIL at position 12: the entry's bytes were altered", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ledger_exits_1_for_another_log_key()
    {
        using var other = NoteSigner.Generate(TestLedger.LogKeyName);
        Write("other.vkey", other.Verifier.ToVkey());

        var (code, _, error) = Run("verify-ledger", Path("ledger.jsonl"), "--key", Path("other.vkey"));

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("no valid signature", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_unreadable_keys_and_bad_arguments_exit_2()
    {
        Write("garbage.vkey", "not a key\n");

        Assert.Equal(ExitCodes.UsageError, Run("verify-ledger", Path("absent.jsonl"), "--key", Path("log.vkey")).Code);
        Assert.Equal(ExitCodes.UsageError, Run("verify-ledger", Path("ledger.jsonl"), "--key", Path("garbage.vkey")).Code);
        Assert.Equal(ExitCodes.UsageError, Run("verify-ledger", Path("ledger.jsonl")).Code);
        Assert.Equal(ExitCodes.UsageError, Run("no-such-command").Code);
    }

    [Fact]
    public void Verify_receipt_checks_the_entry_and_a_later_checkpoint()
    {
        Write("entry.tlog-proof", Receipt.Create(ledger.Tree, 5, ledger.Checkpoint(), ledger.Entries[5].Encoded).Format());
        for (var i = 0; i < 9; i++)
            ledger.Append(kind: "vote.cast");
        Write("later.checkpoint", ledger.Checkpoint().Format());
        Write("consistency.proof", ProofHashes.Format(ledger.Tree.ConsistencyProof(20, 29)));
        Write("wrong.proof", ProofHashes.Format(ledger.Tree.ConsistencyProof(19, 29)));

        var ok = Run("verify-receipt", Path("entry.tlog-proof"), "--key", Path("log.vkey"),
            "--checkpoint", Path("later.checkpoint"), "--consistency", Path("consistency.proof"));
        var bad = Run("verify-receipt", Path("entry.tlog-proof"), "--key", Path("log.vkey"),
            "--checkpoint", Path("later.checkpoint"), "--consistency", Path("wrong.proof"));

        Assert.Equal(ExitCodes.Verified, ok.Code);
        Assert.Contains("OK: entry 5 is in casegrains.example/case/2026-BK-0042 at size 20", ok.Output, StringComparison.Ordinal);
        Assert.Contains("claim.declared by creditor-7", ok.Output, StringComparison.Ordinal);
        Assert.Contains("size 29", ok.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Failed, bad.Code);
        Assert.Contains("does not verify", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_receipt_exits_1_when_the_entry_given_is_not_the_logged_one()
    {
        Write("entry.tlog-proof", Receipt.Create(ledger.Tree, 5, ledger.Checkpoint()).Format());
        File.WriteAllBytes(Path("entry.json"), ledger.Entries[6].Encoded);
        File.WriteAllBytes(Path("right.json"), ledger.Entries[5].Encoded);

        Assert.Equal(ExitCodes.Failed, Run("verify-receipt", Path("entry.tlog-proof"), "--key", Path("log.vkey"), "--entry", Path("entry.json")).Code);
        Assert.Equal(ExitCodes.Verified, Run("verify-receipt", Path("entry.tlog-proof"), "--key", Path("log.vkey"), "--entry", Path("right.json")).Code);
        Assert.Equal(ExitCodes.UsageError, Run("verify-receipt", Path("entry.tlog-proof"), "--key", Path("log.vkey"), "--checkpoint", Path("log.vkey")).Code);
    }

    [Fact]
    public void Verify_consistency_exits_0_for_an_extension_and_1_for_a_fork()
    {
        Write("old.checkpoint", ledger.Checkpoint().Format());
        using var forked = new TestLedger(ledger.CaseId, logKey: NoteSigner.FromSkey(ledger.LogKey.ToSkey()));
        for (var i = 0; i < 30; i++)
        {
            ledger.Append();
            forked.Append(actor: i == 3 ? "someone-else" : "creditor-7");
        }
        Write("new.checkpoint", ledger.Checkpoint().Format());
        Write("proof", ProofHashes.Format(ledger.Tree.ConsistencyProof(20, 50)));
        Write("forked.checkpoint", forked.Checkpoint().Format());
        Write("forked.proof", ProofHashes.Format(forked.Tree.ConsistencyProof(20, 30)));

        var ok = Run("verify-consistency", "--key", Path("log.vkey"), "--old", Path("old.checkpoint"), "--new", Path("new.checkpoint"), "--proof", Path("proof"));
        var fork = Run("verify-consistency", "--key", Path("log.vkey"), "--old", Path("old.checkpoint"), "--new", Path("forked.checkpoint"), "--proof", Path("forked.proof"));

        Assert.Equal(ExitCodes.Verified, ok.Code);
        Assert.Equal(ExitCodes.Failed, fork.Code);
        Assert.Contains("FAIL", fork.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Witness_cosigns_an_extension_writes_its_state_and_refuses_a_fork()
    {
        Assert.Equal(ExitCodes.Verified, Run("keygen", "--name", "court.example/witness", "--witness", "--out", Path("court")).Code);
        Write("first.checkpoint", ledger.Checkpoint().Format());
        var first = Run("witness", "--log-key", Path("log.vkey"), "--witness-key", Path("court.skey"), "--new", Path("first.checkpoint"), "--out", Path("state.checkpoint"));
        for (var i = 0; i < 5; i++)
            ledger.Append();
        Write("second.checkpoint", ledger.Checkpoint().Format());
        Write("second.proof", ProofHashes.Format(ledger.Tree.ConsistencyProof(20, 25)));
        Write("bogus.proof", ProofHashes.Format(ledger.Tree.ConsistencyProof(21, 25)));

        var refused = Run("witness", "--log-key", Path("log.vkey"), "--witness-key", Path("court.skey"), "--last", Path("state.checkpoint"),
            "--new", Path("second.checkpoint"), "--proof", Path("bogus.proof"));
        var second = Run("witness", "--log-key", Path("log.vkey"), "--witness-key", Path("court.skey"), "--last", Path("state.checkpoint"),
            "--new", Path("second.checkpoint"), "--proof", Path("second.proof"), "--out", Path("state.checkpoint"));

        Assert.Equal(ExitCodes.Verified, first.Code);
        Assert.Equal(ExitCodes.Failed, refused.Code);
        Assert.Contains("REFUSED", refused.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Verified, second.Code);
        Assert.StartsWith("\u2014 court.example/witness ", second.Output, StringComparison.Ordinal);
        var state = SignedCheckpoint.Parse(File.ReadAllText(Path("state.checkpoint")));
        var witnessKey = NoteVerifier.Parse(File.ReadAllText(Path("court.vkey")));
        Assert.Equal(25, state.Size);
        Assert.True(state.IsSignedBy(ledger.Verifier));
        Assert.NotNull(state.CosignedAt(witnessKey));
    }

    public void Dispose()
    {
        ledger.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = VerifierCli.Run(args, output, error, new FixedTime(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
        return (code, output.ToString(), error.ToString());
    }

    private string Path(string name) => System.IO.Path.Combine(directory, name);

    private void Write(string name, string text) => File.WriteAllText(Path(name), text);
}
