using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Thousands of ballots, changed ballots among them, from many connections at once (each creditor signed in on its
/// own): the closed result is what a recount of the stored rows gives, and every acknowledged ballot is among those rows.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingConcurrencyTests(PostgresServer postgres)
{
    /// <summary>Every creditor votes signed in as itself, on its own connection.</summary>
    private const int Creditors = 250;

    /// <summary>Creditor i casts 1, 6, 11 or 16 ballots in turn (2,125 in all); the last is <see cref="FinalChoice"/>.</summary>
    private static int BallotsOf(int creditor) => 1 + creditor % 4 * 5;

    private static VoteChoice FinalChoice(int creditor) => CaseScenario.ChoiceOf(creditor);

    private static VoteChoice ChoiceBefore(int creditor, int ballot) => (VoteChoice)((int)(FinalChoice(creditor) + 1 + ballot) % 3);

    [Fact]
    public async Task Hundreds_of_signed_in_connections_cast_and_change_thousands_of_ballots_and_the_result_equals_a_recount_of_the_stored_rows()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "busy-2026");
        await scenario.DeclareCreditorsAsync(Creditors);
        var creditors = await scenario.SignInCreditorsAsync(Enumerable.Range(0, Creditors).Select(scenario.CreditorOf));
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "财产变价方案", ResolutionKind.RealizationPlan));
        await scenario.OpenAsync("r1");
        await using var staff = await scenario.Server.ConnectHubAsync(scenario.Administrator);
        await staff.InvokeAsync<MeetingView>("WatchMeetingAsStaff", scenario.MeetingId);

        var connections = await Task.WhenAll(creditors.Select(scenario.Server.ConnectHubAsync));
        using var start = new SemaphoreSlim(0);
        var voting = Enumerable.Range(0, Creditors).Select(async i =>
        {
            var hub = connections[i];
            await start.WaitAsync();
            var acks = new List<BallotAck>();
            for (var b = 0; b < BallotsOf(i); b++)
            {
                var choice = b == BallotsOf(i) - 1 ? FinalChoice(i) : ChoiceBefore(i, b);
                acks.Add((await hub.InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", choice))!);
            }
            Assert.All(acks, a => Assert.Equal(scenario.CreditorOf(i), a.CreditorId));
            return acks;
        }).ToList();
        start.Release(Creditors);
        var acked = (await Task.WhenAll(voting)).SelectMany(a => a).ToList();

        var expectedBallots = Enumerable.Range(0, Creditors).Sum(BallotsOf);
        Assert.Equal(expectedBallots, acked.Count);
        Assert.Equal(acked.Count, acked.Select(a => a.LedgerPosition).Distinct().Count());

        var closed = await scenario.CloseAsync("r1");
        var stored = await scenario.StoredBallotsAsync();

        // No acknowledged ballot is missing, and nothing was stored that was not acknowledged.
        Assert.Equal(acked.Count, stored.Count);
        var byKey = stored.ToDictionary(s => (s.CreditorId, s.BallotNumber));
        foreach (var ack in acked)
        {
            Assert.True(byKey.TryGetValue((ack.CreditorId, ack.BallotNumber), out var row), $"ballot {ack.BallotNumber} of {ack.CreditorId} is not stored");
            Assert.Equal(ack.Choice, row!.Choice);
            Assert.Equal(ack.LedgerPosition, row.LedgerPosition);
            Assert.Equal(ack.Commitment, BallotCommitmentOf(scenario.MeetingId, row));
        }
        // Every creditor's last acknowledged ballot is the one it meant to be the last.
        foreach (var last in acked.GroupBy(a => a.CreditorId).Select(g => g.MaxBy(a => a.BallotNumber)!))
            Assert.Equal(FinalChoice(CaseScenario.IndexOf(last.CreditorId)), last.Choice);

        // The recount: the last stored ballot of each creditor, counted by EBL 64 as domain.md states it.
        var lastStored = stored.GroupBy(s => s.CreditorId).Select(g => g.MaxBy(s => s.BallotNumber)!).ToList();
        var amountOf = (StoredBallot s) => CaseScenario.ClaimOf(CaseScenario.IndexOf(s.CreditorId));
        var headsFor = lastStored.Count(s => s.Choice == VoteChoice.For);
        var amountFor = lastStored.Where(s => s.Choice == VoteChoice.For).Sum(amountOf);
        var unsecuredTotal = Enumerable.Range(0, Creditors).Sum(CaseScenario.ClaimOf);
        var passes = headsFor * 2 > Creditors && amountFor * 2 >= unsecuredTotal;

        var tally = Assert.Single(closed.Tally!.Classes);
        Assert.Equal(Creditors, closed.Tally.VotesRecorded);
        Assert.Equal(unsecuredTotal, closed.Tally.UnsecuredDenominatorFen);
        Assert.Equal(Creditors, tally.HeadsPresent);
        Assert.Equal(headsFor, tally.HeadsFor);
        Assert.Equal(lastStored.Count(s => s.Choice == VoteChoice.Against), tally.HeadsAgainst);
        Assert.Equal(lastStored.Count(s => s.Choice == VoteChoice.Abstain), tally.HeadsAbstain);
        Assert.Equal(amountFor, tally.AmountForFen);
        Assert.Equal(lastStored.Where(s => s.Choice == VoteChoice.Against).Sum(amountOf), tally.AmountAgainstFen);
        Assert.Equal(passes, closed.Outcome!.Passed);
        // Live updates are coalesced but end on the final tally.
        await staff.WaitForAsync<TallyUpdate>("tally", u => u.Tally.Classes.Single() == tally, TimeSpan.FromSeconds(30));

        // The minutes count what happened.
        var minutes = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        var round = Assert.Single(Assert.Single(minutes.Resolutions).Rounds);
        Assert.Equal(expectedBallots, round.Ballots);
        Assert.Equal(Enumerable.Range(0, Creditors).Count(i => BallotsOf(i) > 1), round.ChangedVotes);
        Assert.Equal(Creditors, round.Voters);
        Assert.Equal(Creditors, round.VotersNotified);

        foreach (var hub in connections) await hub.DisposeAsync();
    }

    private static string BallotCommitmentOf(string meetingId, StoredBallot row) =>
        BallotCommitment.Of(meetingId, row.ResolutionId, row.CreditorId, row.Choice.ToString(), row.BallotNumber, row.Salt);
}
