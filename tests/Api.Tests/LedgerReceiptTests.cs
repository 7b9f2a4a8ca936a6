using System.Text.Json;
using CaseGrains.Ledger;
using CaseGrains.LedgerVerifier;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A creditor votes in a live meeting and keeps the receipt of the ballot. Long after, when the meeting has closed
/// and thousands of further entries were logged, the receipt still verifies offline, and the newest checkpoint is
/// proved to extend the one in the receipt.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerReceiptTests(PostgresServer postgres)
{
    private const int LaterClaims = 3000;

    [Fact]
    public async Task A_receipt_taken_during_a_live_vote_verifies_after_the_close_and_3000_more_entries()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database, new Dictionary<string, string?> { ["Ledger:CheckpointInterval"] = "00:00:00" });
        var scenario = new CaseScenario(server, "receipt-1");
        await scenario.OpenAsync();
        var staff = scenario.Administrator.Http;
        using var kit = new LedgerTestKit(staff, scenario.CaseId);
        await scenario.CreditorsDeclareAndAreConfirmedAsync(5);
        await scenario.ScheduleMeetingAsync();
        await scenario.OpenVotingAsync();

        var voter = scenario.CreditorOf(2);
        var ack = await scenario.Creditors[2].Http.PostOk<BallotAck>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.Against));
        var receipt = await staff.GetOk<ReceiptResponse>($"{kit.Ledger}/receipts/{ack.LedgerPosition}");
        Assert.Equal(ack.LedgerPosition, receipt.Index);
        Assert.True(receipt.TreeSize > ack.LedgerPosition);
        var receiptFile = kit.Save("ballot.receipt", receipt.Receipt);
        var key = await kit.SaveLogKeyAsync();

        // What the receipt carries is the ballot's public commitment, which the voter can recompute from the ack.
        var entry = LedgerEntryEncoding.Decode(Receipt.Parse(receipt.Receipt).Extra!);
        Assert.Equal("vote.cast", entry.Kind);
        using (var json = JsonDocument.Parse(entry.Encoded))
        {
            var data = json.RootElement.GetProperty("data");
            Assert.Equal(ack.Commitment, data.GetProperty("commitment").GetString());
            Assert.False(data.TryGetProperty("choice", out _), "the ledger must not show how the creditor voted");
        }
        Assert.Equal(ack.Commitment, BallotCommitment.Of(ack.MeetingId, ack.ResolutionId, ack.CreditorId, ack.Choice.ToString(), ack.BallotNumber, ack.Salt));

        var (code, output, error) = await LedgerTestKit.VerifyAsync("verify-receipt", receiptFile, "--key", key, "--origin", $"casegrains.local/case/{kit.CaseId}");
        Assert.True(code == ExitCodes.Verified, error);
        Assert.Contains($"OK: entry {ack.LedgerPosition} is in casegrains.local/case/{kit.CaseId}", output, StringComparison.Ordinal);

        // Closing the vote publishes a checkpoint that covers the result, the notice to the voters and the case's step
        // the close completed (the first meeting, its agenda voted on), with no schedule running.
        await scenario.CloseVotingAsync();
        var closed = await kit.CheckpointAsync();
        var tail = await staff.GetOk<LedgerEntriesPage>($"{kit.Ledger}/entries?start={closed.TreeSize - 3}&count=3");
        Assert.Equal(["voting.closed", "voting.result-notified", "progress.completed"], tail.Entries.Select(e => e.Kind));

        await kit.DeclareClaimsAsync(LaterClaims, firstCreditor: 1000, parallel: 8);
        var newest = await kit.PublishAsync();
        Assert.Equal(closed.TreeSize + LaterClaims, newest.TreeSize);

        var proof = await staff.GetOk<ConsistencyProofResponse>($"{kit.Ledger}/proof/consistency?from={receipt.TreeSize}&to={newest.TreeSize}");
        (code, output, error) = await LedgerTestKit.VerifyAsync("verify-receipt", receiptFile, "--key", key,
            "--checkpoint", kit.Save("newest.checkpoint", newest.Checkpoint),
            "--consistency", kit.Save("consistency.proof", string.Concat(proof.Hashes.Select(h => h + "\n"))));
        Assert.True(code == ExitCodes.Verified, error);
        Assert.Contains($"OK: size {newest.TreeSize} of casegrains.local/case/{kit.CaseId} extends size {receipt.TreeSize} consistently", output, StringComparison.Ordinal);

        // The same ballot's receipt asked for now is against the newest checkpoint, and the whole ledger verifies.
        var later = await staff.GetOk<ReceiptResponse>($"{kit.Ledger}/receipts/{ack.LedgerPosition}");
        Assert.Equal(newest.TreeSize, later.TreeSize);
        (code, output, error) = await LedgerTestKit.VerifyAsync("verify-ledger", await kit.SaveExportAsync(), "--key", key);
        Assert.True(code == ExitCodes.Verified, error);
        Assert.Contains($"OK: {newest.TreeSize} entries", output, StringComparison.Ordinal);
    }
}
