using System.Net;
using System.Security.Cryptography;
using CaseGrains.Ledger;
using CaseGrains.LedgerVerifier;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The court and the tax bureau run the verifier as witnesses against the server over HTTP: the court cosigns each
/// new checkpoint after checking it extends the last one it cosigned; the tax bureau, which was once shown another
/// history, refuses, and the checkpoint is published as refused.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerWitnessTests(PostgresServer postgres) : IDisposable
{
    private const string CaseId = "witness-1";
    private readonly NoteSigner logKey = NoteSigner.Generate("casegrains.test");
    private readonly CosignatureSigner court = CosignatureSigner.Generate("court-sz");
    private readonly CosignatureSigner taxBureau = CosignatureSigner.Generate("tax-sz");

    [Fact]
    public async Task The_court_cosigns_over_HTTP_twice_and_a_checkpoint_the_tax_bureau_refuses_shows_as_refused()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database, new Dictionary<string, string?>
        {
            ["Ledger:CheckpointInterval"] = "00:00:00",
            ["Ledger:Origin"] = "casegrains.test",
            ["Ledger:SigningKey"] = logKey.ToSkey(),
            ["Ledger:Witnesses:0"] = court.Verifier.ToVkey(),
            ["Ledger:Witnesses:1"] = taxBureau.Verifier.ToVkey(),
        });
        var staff = await LedgerTestKit.OpenCaseAsync(server, CaseId);
        using var kit = new LedgerTestKit(staff, CaseId);
        await kit.DeclareClaimsAsync(10);
        var first = await kit.PublishAsync();

        var logVkey = await kit.SaveLogKeyAsync();
        Assert.Equal(logKey.Verifier.ToVkey() + "\n", File.ReadAllText(logVkey));
        var keys = await staff.GetOk<LedgerKeysView>("/api/ledger/keys");
        Assert.Equal(["court-sz", "tax-sz"], keys.Witnesses.Select(w => w.Name));
        var courtKey = kit.Save("court.skey", court.ToSkey());
        var courtLast = Path.ChangeExtension(courtKey, ".last");

        // The court's first round: only the log signature can be checked.
        var (code, output, error) = await Witness(server, "--log-key", logVkey, "--witness-key", courtKey, "--out", courtLast);
        Assert.True(code == ExitCodes.Verified, error);
        Assert.StartsWith("\u2014 court-sz ", output, StringComparison.Ordinal);
        var cosigned = await kit.CheckpointAsync();
        Assert.Equal(first.TreeSize, cosigned.TreeSize);
        Assert.Equal("court-sz", Assert.Single(cosigned.Cosignatures).Witness);
        Assert.Empty(cosigned.Refusals);
        var note = SignedCheckpoint.Parse(cosigned.Checkpoint);
        Assert.True(note.IsSignedBy(logKey.Verifier));
        Assert.NotNull(note.CosignedAt(court.Verifier));

        // Nobody can cosign or refuse in a witness's name without its key.
        var forged = taxBureau.Cosign(first.Checkpoint.Split("\n\n")[0] + "\n", 1);
        var (status, _) = await staff.SendJson(HttpMethod.Post, $"{kit.Ledger}/witnesses/court-sz/cosignatures",
            new { treeSize = first.TreeSize, cosignature = forged.ToLine() });
        Assert.Equal((int)HttpStatusCode.BadRequest, status);
        var fakeRefusal = WitnessRefusal.Sign(taxBureau, note.Note.Text, "made up", 1);
        (status, _) = await staff.SendJson(HttpMethod.Post, $"{kit.Ledger}/witnesses/court-sz/refusals",
            new { treeSize = first.TreeSize, reason = "made up", signature = fakeRefusal.ToLine().TrimEnd('\n') });
        Assert.Equal((int)HttpStatusCode.BadRequest, status);

        // The ledger grows; the court checks the new checkpoint against the one it kept and cosigns again.
        await kit.DeclareClaimsAsync(7, firstCreditor: 10);
        var second = await kit.PublishAsync();
        (code, output, error) = await Witness(server, "--log-key", logVkey, "--witness-key", courtKey, "--last", courtLast, "--out", courtLast);
        Assert.True(code == ExitCodes.Verified, error);
        Assert.Contains($"cosigned casegrains.test/case/{CaseId} at size {second.TreeSize}", error, StringComparison.Ordinal);
        Assert.Equal(second.TreeSize, SignedCheckpoint.Parse(File.ReadAllText(courtLast)).Size);

        // The tax bureau once cosigned a checkpoint of the first size with another root: the log showed it another
        // history. The newest checkpoint cannot extend that one, so the tax bureau refuses it, and says why.
        var fork = SignedCheckpoint.Create(new Checkpoint($"casegrains.test/case/{CaseId}", first.TreeSize, RandomNumberGenerator.GetBytes(32)), logKey);
        var taxLast = kit.Save("tax.last", fork.WithCosignature(taxBureau.Cosign(fork.Note.Text, 1)).Format());
        (code, _, error) = await Witness(server, "--log-key", logVkey, "--witness-key", kit.Save("tax.skey", taxBureau.ToSkey()), "--last", taxLast);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("REFUSED: ", error, StringComparison.Ordinal);
        Assert.Contains("(the refusal was posted)", error, StringComparison.Ordinal);

        var published = await kit.CheckpointAsync();
        Assert.Equal(second.TreeSize, published.TreeSize);
        Assert.Equal("court-sz", Assert.Single(published.Cosignatures).Witness);
        var refusal = Assert.Single(published.Refusals);
        Assert.Equal("tax-sz", refusal.Witness);
        Assert.Contains($"the consistency proof from size {first.TreeSize} to {second.TreeSize} does not verify", refusal.Reason, StringComparison.Ordinal);
        var bySize = await staff.GetOk<CheckpointResponse>($"{kit.Ledger}/checkpoints/{second.TreeSize}");
        Assert.Equal(published.Checkpoint, bySize.Checkpoint);
        Assert.Equal("tax-sz", Assert.Single(bySize.Refusals).Witness);

        // A witness cannot take a refusal back by cosigning the same checkpoint.
        var late = taxBureau.Cosign(SignedCheckpoint.Parse(second.Checkpoint).Note.Text, 2);
        (status, _) = await staff.SendJson(HttpMethod.Post, $"{kit.Ledger}/witnesses/tax-sz/cosignatures",
            new { treeSize = second.TreeSize, cosignature = late.ToLine() });
        Assert.Equal((int)HttpStatusCode.Conflict, status);
    }

    private static Task<(int Code, string Output, string Error)> Witness(ServerHost server, params string[] options) =>
        LedgerTestKit.VerifyAsync(["witness", "--url", server.Address.ToString(), "--case", CaseId, .. options]);

    public void Dispose()
    {
        logKey.Dispose();
        court.Dispose();
        taxBureau.Dispose();
    }
}
