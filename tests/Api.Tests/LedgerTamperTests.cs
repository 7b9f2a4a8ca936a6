using System.Net;
using System.Text;
using CaseGrains.LedgerVerifier;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Someone with access to the database changes the ledger behind the server's back. Both the offline verifier, run on
/// an export fetched over HTTP, and the server's own check must notice and name the position; and a server that loads
/// the damaged rows must refuse to sign another checkpoint.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerTamperTests(PostgresServer postgres)
{
    private const int Claims = 15; // with the case opening: positions 0 to 15

    [Fact]
    public async Task One_changed_byte_in_a_stored_entry_is_named_by_the_verifier_and_by_the_server_check()
    {
        var (database, server, kit) = await LedgerWithCheckpointAsync("tamper-byte");
        await using var _ = server;
        using var __ = kit;

        var entry = await LedgerTestKit.ReadEntryAsync(database, kit.CaseId, 7);
        var text = Encoding.UTF8.GetString(entry);
        var amountAt = text.IndexOf("\"principalFen\":", StringComparison.Ordinal) + "\"principalFen\":".Length;
        entry[amountAt] = (byte)(entry[amountAt] == (byte)'9' ? '1' : entry[amountAt] + 1);
        Assert.Equal(1, await LedgerTestKit.ExecuteAsync(database,
            "update ledger_entry set entry = $3 where case_id = $1 and position = $2", kit.CaseId, 7L, entry));

        await AssertBothNameAsync(kit, 7, "the entry's bytes were altered", "leafHashMismatch");
    }

    [Fact]
    public async Task A_deleted_entry_is_named_and_a_restarted_server_refuses_to_sign_past_the_gap()
    {
        var (database, server, kit) = await LedgerWithCheckpointAsync("tamper-delete");
        using var _ = kit;

        Assert.Equal(1, await LedgerTestKit.ExecuteAsync(database, "delete from ledger_entry where case_id = $1 and position = 5", kit.CaseId));

        await AssertBothNameAsync(kit, 5, "position 5 is missing (deleted)", "positionMismatch");

        await server.DisposeAsync();
        await using var restarted = await ServerHost.StartAsync(database, Settings);
        var again = new LedgerTestKit(kit.Http.On(restarted), kit.CaseId);
        await again.DeclareClaimsAsync(1, firstCreditor: Claims);
        var refusal = ProblemAssert.Field(409, "ledger", await again.Http.SendRaw(HttpMethod.Post, $"{again.Ledger}/checkpoint", "{}"));
        Assert.Contains("position 5 is missing from storage", refusal, StringComparison.Ordinal);
        Assert.Equal(Claims + 1, (await again.CheckpointAsync()).TreeSize);
        // Still exported against the last checkpoint, so that anyone can see where.
        await AssertBothNameAsync(again, 5, "position 5 is missing (deleted)", "positionMismatch");
    }

    [Fact]
    public async Task Two_entries_swapped_in_storage_are_named_and_a_restarted_server_refuses_to_sign_the_changed_tree()
    {
        var (database, server, kit) = await LedgerWithCheckpointAsync("tamper-swap");
        using var _ = kit;

        // The primary key forbids two rows at one position even for a moment, hence three steps.
        await LedgerTestKit.ExecuteAsync(database, "update ledger_entry set position = -1 where case_id = $1 and position = 3", kit.CaseId);
        await LedgerTestKit.ExecuteAsync(database, "update ledger_entry set position = 3 where case_id = $1 and position = 9", kit.CaseId);
        await LedgerTestKit.ExecuteAsync(database, "update ledger_entry set position = 9 where case_id = $1 and position = -1", kit.CaseId);

        await AssertBothNameAsync(kit, 3, "position 3 appears later, at index 9: entries were reordered", "positionMismatch");

        await server.DisposeAsync();
        await using var restarted = await ServerHost.StartAsync(database, Settings);
        var again = new LedgerTestKit(kit.Http.On(restarted), kit.CaseId);
        await again.DeclareClaimsAsync(1, firstCreditor: Claims);
        var refusal = ProblemAssert.Field(409, "ledger", await again.Http.SendRaw(HttpMethod.Post, $"{again.Ledger}/checkpoint", "{}"));
        Assert.Contains($"no longer hash to the root signed at size {Claims + 1}", refusal, StringComparison.Ordinal);
        await AssertBothNameAsync(again, 3, "entries were reordered", "positionMismatch");
        var (proofStatus, _) = await again.Http.SendRaw(HttpMethod.Get, $"{again.Ledger}/proof/consistency?from=1&to=4", null);
        Assert.Equal((int)HttpStatusCode.Conflict, proofStatus);
    }

    private static readonly Dictionary<string, string?> Settings = new() { ["Ledger:CheckpointInterval"] = "00:00:00" };

    /// <summary>A case with claims, a published checkpoint, and an export and check that both pass before anything is touched.</summary>
    private async Task<(string Database, ServerHost Server, LedgerTestKit Kit)> LedgerWithCheckpointAsync(string caseId)
    {
        var database = await postgres.CreateDatabaseAsync();
        var server = await ServerHost.StartAsync(database, Settings);
        var staff = await LedgerTestKit.OpenCaseAsync(server, caseId);
        var kit = new LedgerTestKit(staff, caseId);
        await kit.DeclareClaimsAsync(Claims);
        Assert.Equal(Claims + 1, (await kit.CheckpointAsync()).TreeSize);

        var key = await kit.SaveLogKeyAsync();
        var (code, output, error) = await LedgerTestKit.VerifyAsync("verify-ledger", await kit.SaveExportAsync("before.jsonl"), "--key", key);
        Assert.True(code == ExitCodes.Verified, error);
        Assert.Contains($"OK: {Claims + 1} entries of casegrains.local/case/{caseId}", output, StringComparison.Ordinal);
        var check = await kit.CheckAsync();
        Assert.True(check.Ok, check.Message);
        Assert.Equal(Claims + 1, check.EntriesChecked);
        return (database, server, kit);
    }

    private static async Task AssertBothNameAsync(LedgerTestKit kit, long position, string verifierSays, string problem)
    {
        var (code, _, error) = await LedgerTestKit.VerifyAsync("verify-ledger", await kit.SaveExportAsync("after.jsonl"), "--key", await kit.SaveLogKeyAsync());
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains($"FAIL at position {position}: ", error, StringComparison.Ordinal);
        Assert.Contains(verifierSays, error, StringComparison.Ordinal);

        var check = await kit.CheckAsync();
        Assert.False(check.Ok);
        Assert.Equal(problem, check.Problem);
        Assert.Equal(position, check.Position);
        Assert.Equal(Claims + 1, check.CheckpointSize);
    }
}
