using System.Security.Cryptography;
using System.Text;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>A representative votes for many principals at once; the administrator enters paper ballots.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingProxyTests(PostgresServer postgres)
{
    private const int Principals = 1_500;
    private const string PowerOfAttorney = "3a6eb0790f39ac87c94f3856b2dd2c5d110e6811602261a9a923d3bb23adc8b7";

    [Fact]
    public async Task A_representative_votes_for_fifteen_hundred_principals_in_one_commit_and_gets_one_acknowledgement_each()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "proxy-2026");
        await scenario.DeclareCreditorsAsync(Principals + 1);
        var representative = await scenario.SignInCreditorAsync("investor-protection");
        await scenario.SignInCreditorsAsync([scenario.CreditorOf(1), scenario.CreditorOf(2)]);
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "重整计划草案外的财产管理方案", ResolutionKind.PropertyManagementPlan));
        var principals = Enumerable.Range(0, Principals).Select(scenario.CreditorOf).ToList();
        var proxy = await scenario.Administrator.Http.PostOk<ProxyView>($"{scenario.Meeting}/proxies",
            new ProxyRequest("investor-protection", principals, PowerOfAttorney.ToUpperInvariant()));
        Assert.Equal(Principals, proxy.Principals);
        Assert.Equal(PowerOfAttorney, proxy.DocumentSha256);
        Assert.Equal(PrincipalsHash(principals), proxy.PrincipalsSha256);
        await scenario.OpenAsync("r1");

        var batch = principals.Select((p, i) => new ProxyBallot(p, i % 4 == 0 ? VoteChoice.Against : VoteChoice.For)).ToList();
        var acks = await representative.Http.PostOk<List<BallotAck>>($"{scenario.Meeting}/resolutions/r1/proxy-ballots",
            new ProxyBallotsRequest(batch));

        Assert.Equal(principals, acks.Select(a => a.CreditorId));
        Assert.Equal(batch.Select(b => b.Choice), acks.Select(a => a.Choice));
        Assert.All(acks, a => Assert.Equal(("investor-protection", BallotChannel.Proxy, 1L), (a.CastBy, a.Channel, a.BallotNumber)));
        Assert.Equal(Principals, acks.Select(a => a.LedgerPosition).Distinct().Count());
        var stored = await scenario.StoredBallotsAsync();
        Assert.Equal(Principals, stored.Count);
        Assert.Single(stored.Select(s => s.Transaction).Distinct());
        Assert.All(stored, s => Assert.Equal("investor-protection", s.Actor));

        var tally = Assert.Single((await scenario.TallyAsync("r1")).Classes);
        Assert.Equal(Principals, tally.HeadsPresent);
        Assert.Equal(batch.Count(b => b.Choice == VoteChoice.For), tally.HeadsFor);

        // A principal may still vote itself: its own ballot is the last and counts.
        var own = await scenario.VoteAsync("r1", scenario.CreditorOf(1), VoteChoice.Abstain);
        Assert.Equal(2, own.BallotNumber);
        var receipt = await scenario.Creditor(scenario.CreditorOf(1)).Http.GetOk<OwnBallot>($"{scenario.Meeting}/resolutions/r1/ballots/{scenario.CreditorOf(1)}");
        Assert.Equal((VoteChoice.Abstain, BallotChannel.Online, own.Commitment), (receipt.Choice, receipt.Channel, receipt.Commitment));
        var byProxy = await scenario.Creditor(scenario.CreditorOf(2)).Http.GetOk<OwnBallot>($"{scenario.Meeting}/resolutions/r1/ballots/{scenario.CreditorOf(2)}");
        Assert.Equal((BallotChannel.Proxy, "investor-protection", acks[2].Commitment), (byProxy.Channel, byProxy.CastBy, byProxy.Commitment));
        Assert.Equal(1, Assert.Single((await scenario.TallyAsync("r1")).Classes).HeadsAbstain);

        // Not a principal of this representative.
        ProblemAssert.Field(403, "ballots[0].creditorId", await representative.Http.SendJson(HttpMethod.Post, $"{scenario.Meeting}/resolutions/r1/proxy-ballots",
            new ProxyBallotsRequest([new ProxyBallot(scenario.CreditorOf(Principals), VoteChoice.For)])));
        // Nobody reads another creditor's ballot, not even its representative's account.
        ProblemAssert.Field(403, "creditorId", await representative.Http.SendRaw(HttpMethod.Get,
            $"{scenario.Meeting}/resolutions/r1/ballots/{scenario.CreditorOf(2)}", null));
    }

    [Fact]
    public async Task The_administrator_enters_a_paper_ballot_marked_as_paper_and_kept_with_the_scan_hash()
    {
        await using var scenario = await MeetingScenario.StartAsync(postgres, "paper-2026");
        await scenario.DeclareCreditorsAsync(3);
        await scenario.ScheduleAsync(TallyVisibility.Live, new ResolutionDraft("r1", "财产变价方案", ResolutionKind.RealizationPlan));
        await scenario.OpenAsync("r1");
        var scan = Convert.ToHexString(SHA256.HashData("扫描件: 张三 同意"u8.ToArray()));

        var administrator = scenario.Administrator.Username;
        var ack = await scenario.Administrator.Http.PostOk<BallotAck>($"{scenario.Meeting}/resolutions/r1/paper-ballots",
            new PaperBallotRequest(scenario.CreditorOf(2), VoteChoice.For, scan));

        Assert.Equal((BallotChannel.Paper, administrator, scenario.CreditorOf(2)), (ack.Channel, ack.CastBy, ack.CreditorId));
        var row = Assert.Single(await scenario.StoredBallotsAsync());
        Assert.Equal((BallotChannel.Paper, scan.ToLowerInvariant(), administrator), (row.Channel, row.ScanSha256, row.Actor));
        Assert.Equal(ack.LedgerPosition, row.LedgerPosition);
        Assert.Equal(1, Assert.Single((await scenario.TallyAsync("r1")).Classes).HeadsFor);

        var minutes = await scenario.Administrator.Http.GetOk<MeetingMinutes>($"{scenario.Meeting}/minutes");
        var entry = Assert.Single(minutes.Entries, e => e.Event == "vote.cast");
        Assert.Equal(scan.ToLowerInvariant(), entry.Details["scanSha256"]);
        Assert.Equal(scenario.CreditorOf(2), entry.Details["creditorId"]);
        Assert.DoesNotContain(entry.Details.Values, v => v.Contains("for", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, Assert.Single(Assert.Single(minutes.Resolutions).Rounds).PaperBallots);
    }

    private static string PrincipalsHash(IEnumerable<string> ids) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(ids.Order(StringComparer.Ordinal).Select(id => id + "\n")))));
}
