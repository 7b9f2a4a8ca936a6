using System.Net;
using CaseGrains.Ledger;
using CaseGrains.LedgerVerifier;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>Checkpoints over the server's life: the same key after a restart, consistent history, and the schedule.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerCheckpointTests(PostgresServer postgres)
{
    private static readonly Dictionary<string, string?> NoSchedule = new() { ["Ledger:CheckpointInterval"] = "00:00:00" };

    [Fact]
    public async Task A_restart_keeps_the_generated_signing_key_and_later_checkpoints_extend_earlier_ones()
    {
        var database = await postgres.CreateDatabaseAsync();
        string vkey;
        CheckpointResponse before;
        HttpClient staff;
        await using (var server = await ServerHost.StartAsync(database, NoSchedule))
        {
            staff = await LedgerTestKit.OpenCaseAsync(server, "restart-1");
            await new LedgerTestKit(staff, "restart-1").DeclareClaimsAsync(6);
            vkey = await staff.GetStringAsync("/api/ledger/key");
            before = await staff.GetOk<CheckpointResponse>("/api/cases/restart-1/ledger/checkpoint");
        }

        await using var again = await ServerHost.StartAsync(database, NoSchedule);
        using var kit = new LedgerTestKit(staff.On(again), "restart-1");
        Assert.Equal(vkey, await staff.On(again).GetStringAsync("/api/ledger/key"));
        Assert.Equal(before.Checkpoint, (await kit.CheckpointAsync()).Checkpoint);

        await kit.DeclareClaimsAsync(9, firstCreditor: 6);
        var after = await kit.PublishAsync();
        Assert.Equal(before.TreeSize + 9, after.TreeSize);
        var proof = await staff.On(again).GetOk<ConsistencyProofResponse>($"{kit.Ledger}/proof/consistency?from={before.TreeSize}");
        Assert.Equal(after.TreeSize, proof.ToSize);
        var consistent = CheckpointConsistency.Verify(before.Checkpoint, after.Checkpoint, [.. proof.Hashes.Select(Convert.FromBase64String)], NoteVerifier.Parse(vkey));
        Assert.True(consistent.Ok, consistent.Message);

        var (code, _, error) = await LedgerTestKit.VerifyAsync("verify-ledger", await kit.SaveExportAsync(), "--key", kit.Save("log.vkey", vkey));
        Assert.True(code == ExitCodes.Verified, error);
    }

    [Fact]
    public async Task A_configured_key_file_signs_the_checkpoints_under_the_configured_origin_and_the_endpoints_are_described()
    {
        using var key = NoteSigner.Generate("casegrains.example");
        var keyFile = Path.GetTempFileName();
        try
        {
            File.WriteAllText(keyFile, key.ToSkey() + "\n");
            var database = await postgres.CreateDatabaseAsync();
            await using var server = await ServerHost.StartAsync(database, new Dictionary<string, string?>
            {
                ["Ledger:CheckpointInterval"] = "00:00:00",
                ["Ledger:Origin"] = "casegrains.example",
                ["Ledger:SigningKeyFile"] = keyFile,
            });
            var staff = await LedgerTestKit.OpenCaseAsync(server, "keyfile-1");

            Assert.Equal(key.Verifier.ToVkey() + "\n", await staff.GetStringAsync("/api/ledger/key"));
            var checkpoint = SignedCheckpoint.Parse((await new LedgerTestKit(staff, "keyfile-1").CheckpointAsync()).Checkpoint);
            Assert.Equal("casegrains.example/case/keyfile-1", checkpoint.Origin);
            Assert.True(checkpoint.IsSignedBy(key.Verifier));

            var openApi = await staff.GetStringAsync("/openapi/v1.json");
            foreach (var path in new[] { "/api/cases/{caseId}/ledger/export", "/api/cases/{caseId}/ledger/witnesses/{witness}/refusals", "/api/ledger/key" })
                Assert.Contains($"\"{path}\"", openApi, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(keyFile);
        }
    }

    [Fact]
    public async Task The_schedule_checkpoints_a_case_whose_ledger_grew_and_leaves_an_unchanged_one_alone()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database, new Dictionary<string, string?> { ["Ledger:CheckpointInterval"] = "00:00:00.100" });
        var staff = await LedgerTestKit.OpenCaseAsync(server, "schedule-1");
        using var kit = new LedgerTestKit(staff, "schedule-1");
        await kit.DeclareClaimsAsync(4);

        // Nobody asks for a checkpoint: the schedule alone publishes one of size 5, then one of size 8.
        var first = await PublishedAsync(server, kit, 5);
        await kit.DeclareClaimsAsync(3, firstCreditor: 4);
        var second = await PublishedAsync(server, kit, 8);
        Assert.True(second.PublishedAt >= first.PublishedAt);
        var (status, _) = await staff.SendRaw(HttpMethod.Get, $"{kit.Ledger}/checkpoints/6", null);
        Assert.Equal((int)HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Creditors_watching_the_case_get_each_new_checkpoint_signed_by_the_log_key_without_asking()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), NoSchedule);
        var scenario = new CaseScenario(server, "pushed-1");
        await scenario.OpenAsync();
        var creditor = await scenario.InviteAsync(scenario.CreditorOf(0));
        await using var hub = await server.ConnectHubAsync(creditor);
        await hub.InvokeAsync<CaseGrains.Cases.CaseView>("WatchCase", scenario.CaseId);
        var published = await scenario.Administrator.Http.PostOk<CheckpointResponse>($"/api/cases/{scenario.CaseId}/ledger/checkpoint", new { });

        var pushed = await hub.WaitForAsync<CheckpointResponse>("checkpoint", c => c.TreeSize == published.TreeSize, TimeSpan.FromSeconds(10));

        Assert.Equal(published.Checkpoint, pushed.Checkpoint);
        var logKey = NoteVerifier.Parse((await creditor.Http.GetStringAsync("/api/ledger/key")).Trim());
        Assert.True(SignedCheckpoint.Parse(pushed.Checkpoint).IsSignedBy(logKey));
    }

    /// <summary>Waits, at most 10 s, for the checkpoint of exactly this size to be published.</summary>
    private static async Task<CheckpointResponse> PublishedAsync(ServerHost server, LedgerTestKit kit, long size) =>
        (await Eventually.ReadAsync(async () =>
        {
            using var response = await kit.Http.GetAsync($"{kit.Ledger}/checkpoints/{size}");
            if (!response.IsSuccessStatusCode)
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                return null;
            }
            return await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<CheckpointResponse>(response.Content, ApiJson.Options);
        }, published => published is not null, TimeSpan.FromSeconds(10), $"a published checkpoint of size {size}"))!;
}
