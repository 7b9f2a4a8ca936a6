using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Departments;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.DepartmentClient;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.MachineApi.Keys;

namespace CaseGrains.Api.Tests;

/// <summary>The whole slice over real HTTP and WebSocket connections, and its survival across a restart.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VotingSliceTests(PostgresServer postgres)
{
    private const int Creditors = 200;
    private const long TaxPrincipalFen = 12_345_678;

    [Fact]
    public async Task Claims_are_declared_and_confirmed_200_creditors_vote_at_once_every_watcher_sees_the_final_tally_and_it_all_survives_a_restart()
    {
        var database = await postgres.CreateDatabaseAsync();
        var server = await ServerHost.StartAsync(database);
        var scenario = new CaseScenario(server, "sz-2026-001");
        await scenario.OpenAsync();

        // The platform registers the tax bureau and issues it a key; the bureau declares by signed machine request.
        var platform = await server.People.PlatformAdminAsync();
        await platform.Http.PutOk<DepartmentRegistration>("/api/departments/tax-sz", new DepartmentRegistration("国家税务总局深圳市税务局", "tax"));
        var key = await platform.Http.PostOk<IssuedDepartmentKey>("/api/departments/tax-sz/keys", new { });
        var bureau = new DepartmentApiClient(new HttpClient { BaseAddress = server.Address }, key.KeyId, DepartmentApiClient.DecodeSecret(key.Secret));
        using var declared = await bureau.DeclareTaxClaimAsync(scenario.CaseId,
            new TaxDeclaration([new TaxLine("taxPrincipal", "增值税", "2025-12", TaxPrincipalFen)]), DepartmentApiClient.NewIdempotencyKey());
        Assert.Equal(System.Net.HttpStatusCode.Created, declared.StatusCode);
        var taxClaim = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<TaxDeclarationView>(declared.Content, ApiJson.Options))!.PriorityClaim!;
        Assert.Equal("dept-tax-sz", taxClaim.CreditorId);
        Assert.Equal(ClaimStatus.Declared, taxClaim.Status);
        var confirmedTax = await scenario.ConfirmAsync(taxClaim.ClaimId);
        Assert.Equal(ClaimStatus.Confirmed, confirmedTax.Status);
        Assert.Equal(TaxPrincipalFen, confirmedTax.ConfirmedFen);

        await scenario.CreditorsDeclareAndAreConfirmedAsync(Creditors);
        await scenario.ScheduleMeetingAsync();
        await scenario.OpenVotingAsync();

        // Watchers: the judge twice (two screens), the administrator and a creditor, all on their own WebSocket.
        var watchers = new List<HubClient>();
        foreach (var (person, method) in new[] { (scenario.Judge, "WatchMeetingAsStaff"), (scenario.Judge, "WatchMeetingAsStaff"),
                     (scenario.Administrator, "WatchMeetingAsStaff"), (scenario.Creditors[0], "WatchMeeting") })
        {
            var watcher = await server.ConnectHubAsync(person);
            await watcher.InvokeAsync<MeetingView>(method, scenario.MeetingId);
            watchers.Add(watcher);
        }

        // 200 creditors, each signed in on their own connection, vote at the same moment.
        var voters = await Task.WhenAll(scenario.Creditors.Select(c => server.ConnectHubAsync(c)));
        using var start = new SemaphoreSlim(0);
        var ballots = Enumerable.Range(0, Creditors).Select(async i =>
        {
            await start.WaitAsync();
            return await voters[i].InvokeAsync<BallotAck>("CastBallot", scenario.MeetingId, "r1", CaseScenario.ChoiceOf(i));
        }).ToList();
        start.Release(Creditors);
        var acks = (await Task.WhenAll(ballots)).Select(a => a!).ToList();

        Assert.Equal(Creditors, acks.Count);
        Assert.Equal(Creditors, acks.Select(a => a.LedgerPosition).Distinct().Count());
        var expected = Expected(acks);

        foreach (var watcher in watchers)
        {
            var final = await watcher.WaitForAsync<TallyUpdate>("tally", u => u.Tally.VotesRecorded == Creditors, TimeSpan.FromSeconds(30));
            AssertTally(expected, final.Tally);
        }

        var closed = await scenario.CloseVotingAsync();
        Assert.Equal(ResolutionStatus.Closed, closed.Status);
        Assert.Equal(expected.Passes, closed.Outcome!.Passed);

        foreach (var hub in voters.Concat(watchers)) await hub.DisposeAsync();
        await server.DisposeAsync();

        // A new server on the same database: nothing acknowledged is lost, and the judge's session is still good.
        await using var again = await ServerHost.StartAsync(database);
        var judge = scenario.Judge.On(again);
        var reopened = await judge.Http.GetOk<CaseView>($"/api/cases/{scenario.CaseId}");
        Assert.Equal(Creditors + 1, reopened.ClaimCount);
        Assert.Contains(scenario.MeetingId, reopened.MeetingIds);
        var claims = await judge.Http.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims");
        Assert.All(claims, c => Assert.Equal(ClaimStatus.Confirmed, c.Status));
        var meeting = await judge.Http.GetOk<MeetingView>($"/api/meetings/{scenario.MeetingId}");
        var resolution = Assert.Single(meeting.Resolutions);
        Assert.Equal(ResolutionStatus.Closed, resolution.Status);
        AssertTally(expected, resolution.Tally!);
        Assert.Equal(expected.Passes, resolution.Outcome!.Passed);
    }

    private sealed record ExpectedTally(int For, int Against, int Abstain, long AmountFor, long UnsecuredTotal, bool Passes);

    /// <summary>The tally recomputed from the acknowledgements alone, by EBL 64 as domain.md states it.</summary>
    private static ExpectedTally Expected(IEnumerable<BallotAck> acks)
    {
        var list = acks.ToList();
        var amountOf = (BallotAck a) => CaseScenario.ClaimOf(CaseScenario.IndexOf(a.CreditorId));
        var heads = list.Count;
        var forHeads = list.Count(a => a.Choice == VoteChoice.For);
        var amountFor = list.Where(a => a.Choice == VoteChoice.For).Sum(amountOf);
        var unsecuredTotal = Enumerable.Range(0, Creditors).Sum(CaseScenario.ClaimOf) + TaxPrincipalFen;
        var passes = forHeads * 2 > heads && amountFor * 2 >= unsecuredTotal;
        return new ExpectedTally(forHeads, list.Count(a => a.Choice == VoteChoice.Against), list.Count(a => a.Choice == VoteChoice.Abstain),
            amountFor, unsecuredTotal, passes);
    }

    private static void AssertTally(ExpectedTally expected, TallyView tally)
    {
        Assert.Equal(Creditors, tally.VotesRecorded);
        Assert.Equal(expected.UnsecuredTotal, tally.UnsecuredDenominatorFen);
        var all = Assert.Single(tally.Classes);
        Assert.Equal(expected.For, all.HeadsFor);
        Assert.Equal(expected.Against, all.HeadsAgainst);
        Assert.Equal(expected.Abstain, all.HeadsAbstain);
        Assert.Equal(Creditors, all.HeadsPresent);
        Assert.Equal(expected.AmountFor, all.AmountForFen);
    }
}
