using System.Text;
using CaseGrains.Ledger;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Api.Tests;

/// <summary>
/// When a vote opens, the case's ledger is loaded and from then on follows the ballots this server commits from
/// memory, instead of reading them back from storage at the next checkpoint. So a ballot that someone with access to
/// the database rewrites before any checkpoint covers it (its bytes and its recorded hash together, as someone who
/// knows the format would) is not what the server signs: the close's checkpoint covers the ballot as cast, no receipt
/// is issued for the rewritten row, and the server's own check reports that storage no longer matches.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LedgerFollowsVoteTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_ballot_rewritten_in_storage_before_the_close_is_not_signed_and_the_check_reports_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var server = await ServerHost.StartAsync(database, new Dictionary<string, string?> { ["Ledger:CheckpointInterval"] = "00:00:00" });
        var scenario = new CaseScenario(server, "follow-1");
        await scenario.OpenAsync();
        using var kit = new LedgerTestKit(scenario.Administrator.Http, scenario.CaseId);
        await scenario.CreditorsDeclareAndAreConfirmedAsync(3);
        await scenario.ScheduleMeetingAsync();
        await scenario.OpenVotingAsync();

        var tail = server.Services.GetRequiredService<LedgerTail>();
        await Eventually.ReadAsync(() => Task.FromResult(tail.IsFollowed(scenario.CaseId)), followed => followed,
            TimeSpan.FromSeconds(10), "the case's ledger being loaded as the vote opened");

        var ack = await scenario.Creditors[1].Http.PostOk<BallotAck>(
            $"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.For));
        var entry = await LedgerTestKit.ReadEntryAsync(database, scenario.CaseId, ack.LedgerPosition);
        var text = Encoding.UTF8.GetString(entry);
        var at = text.IndexOf(ack.Commitment, StringComparison.Ordinal);
        Assert.True(at >= 0, "the stored ballot entry carries the commitment the voter was given");
        entry[at] = (byte)(entry[at] == (byte)'A' ? 'B' : 'A');
        Assert.Equal(1, await LedgerTestKit.ExecuteAsync(database,
            "update ledger_entry set entry = $3, leaf_hash = $4 where case_id = $1 and position = $2",
            scenario.CaseId, ack.LedgerPosition, entry, MerkleHash.Leaf(entry)));

        await scenario.CloseVotingAsync();

        var checkpoint = await kit.CheckpointAsync();
        Assert.True(checkpoint.TreeSize > ack.LedgerPosition, "the close's checkpoint covers the ballot");
        var refused = ProblemAssert.Field(409, "position",
            await kit.Http.SendRaw(HttpMethod.Get, $"{kit.Ledger}/receipts/{ack.LedgerPosition}", null));
        Assert.Contains("no longer matches the ledger", refused, StringComparison.Ordinal);
        var check = await kit.CheckAsync();
        Assert.False(check.Ok, check.Message);
        Assert.Equal("rootMismatch", check.Problem);
        Assert.Equal(checkpoint.TreeSize, check.CheckpointSize);
    }
}
