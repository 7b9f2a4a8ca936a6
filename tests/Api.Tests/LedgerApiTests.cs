using CaseGrains.Ledger;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>The ledger's read endpoints as a creditor's client uses them: pages, proofs by position and by hash, refusals.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerApiTests(PostgresServer postgres)
{
    [Fact]
    public async Task Entries_page_in_order_and_inclusion_proofs_by_position_and_by_leaf_hash_verify_against_the_signed_root()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database, new Dictionary<string, string?> { ["Ledger:CheckpointInterval"] = "00:00:00" });
        var staff = await LedgerTestKit.OpenCaseAsync(server, "api-1");
        using var kit = new LedgerTestKit(staff, "api-1");
        await kit.DeclareClaimsAsync(12);

        var entries = new List<LedgerEntryItem>();
        long? next = 0;
        while (next is { } start)
        {
            var page = await staff.GetOk<LedgerEntriesPage>($"{kit.Ledger}/entries?start={start}&count=5");
            Assert.Equal(13, page.TreeSize);
            entries.AddRange(page.Entries);
            next = page.Next;
        }
        Assert.Equal(Enumerable.Range(0, 13).Select(i => (long)i), entries.Select(e => e.Position));
        Assert.Equal("case.opened", entries[0].Kind);
        Assert.All(entries.Skip(1), e => Assert.Equal("claim.declared", e.Kind));
        Assert.All(entries, e => Assert.Equal(e.LeafHash, Convert.ToBase64String(MerkleHash.Leaf(Convert.FromBase64String(e.Entry)))));

        var byPosition = await staff.GetOk<InclusionProofResponse>($"{kit.Ledger}/proof/inclusion?position=9");
        var byHash = await staff.GetOk<InclusionProofResponse>($"{kit.Ledger}/proof/inclusion?leafHash={Uri.EscapeDataString(entries[9].LeafHash)}");
        Assert.Equal(byPosition.Hashes, byHash.Hashes);
        Assert.Equal(9, byHash.Index);
        var checkpoint = SignedCheckpoint.Parse(byHash.Checkpoint!);
        Assert.True(checkpoint.IsSignedBy(NoteVerifier.Parse(await staff.GetStringAsync("/api/ledger/key"))));
        Assert.True(MerkleProof.VerifyInclusion(9, checkpoint.Size, Convert.FromBase64String(entries[9].LeafHash),
            [.. byHash.Hashes.Select(Convert.FromBase64String)], checkpoint.RootHash));

        var older = await staff.GetOk<InclusionProofResponse>($"{kit.Ledger}/proof/inclusion?position=2&treeSize=4");
        Assert.Equal(4, older.TreeSize);
        Assert.Null(older.Checkpoint);
    }

    [Theory]
    [InlineData("checkpoint", 404, "caseId")]
    [InlineData("entries?count=0", 400, "count")]
    [InlineData("proof/inclusion", 400, "position")]
    [InlineData("proof/inclusion?position=1&leafHash=AAAA", 400, "position")]
    [InlineData("proof/inclusion?leafHash=AAAA", 400, "leafHash")]
    [InlineData("proof/inclusion?position=99", 404, "position")]
    [InlineData("proof/consistency?from=3&to=2", 400, "from")]
    [InlineData("proof/consistency?from=0&to=99", 400, "to")]
    [InlineData("receipts/99", 404, "position")]
    [InlineData("checkpoints/2", 404, "treeSize")]
    [InlineData("witnesses/nobody/checkpoint", 404, "witness")]
    public async Task Wrong_ledger_requests_get_problem_details_naming_the_field(string path, int status, string field)
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database, new Dictionary<string, string?> { ["Ledger:CheckpointInterval"] = "00:00:00" });
        var caseId = status == 404 && field == "caseId" ? "no-such-case" : "api-2";
        var staff = await LedgerTestKit.OpenCaseAsync(server, "api-2");
        await new LedgerTestKit(staff, "api-2").DeclareClaimsAsync(3);

        ProblemAssert.Field(status, field, await staff.SendRaw(HttpMethod.Get, $"/api/cases/{caseId}/ledger/{path}", null));
    }
}
