using System.Text.RegularExpressions;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class MeetingPageTests(PostgresServer postgres, Chromium chromium)
{
    [Fact]
    public async Task Two_creditors_vote_on_their_phones_and_the_judges_page_shows_the_tally_change_without_reload()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-vote", creditors: 2, withClaims: true);
        await scenario.OpenMeetingAsync();

        var judge = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(judge, scenario.Judge);
        await judge.GotoAsync($"/#/meetings/{scenario.MeetingId}");
        await judge.WaitForSelectorAsync("main[data-view='meeting']");
        await judge.WaitForSelectorAsync("table.tally[data-votes='0']");
        var judgeNavigations = 0;
        judge.FrameNavigated += (_, frame) => { if (frame == judge.MainFrame) judgeNavigations++; };

        for (var i = 0; i < 2; i++)
        {
            var creditor = await chromium.NewPersonAsync(server.Address, phone: true);
            await SignIn.AsAsync(creditor, scenario.Creditors[i]);
            await creditor.GotoAsync($"/#/meetings/{scenario.MeetingId}");
            await creditor.ClickAsync(i == 0 ? "button.choice.for" : "button.choice.against");
            await creditor.ClickAsync("dialog.confirm-vote button.yes");
            var receipt = await creditor.WaitForSelectorAsync("p.receipt");
            Assert.Matches(i == 0 ? "\"For\" is recorded at ledger position \\d+" : "\"Against\" is recorded at ledger position \\d+", await receipt!.InnerTextAsync());
            await Chromium.ScreenshotAsync(creditor, $"vote-creditor-{i + 1}");

            await judge.WaitForSelectorAsync($"table.tally[data-votes='{i + 1}']");
        }

        // What the judge reads off the one row of the tally: who voted which way and with how much of the claims
        // (1,000,000 fen for, 2,000,000 fen against), not just that some number of ballots arrived.
        var row = judge.Locator("table.tally tr.tally-class");
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("2 ballots", await judge.InnerTextAsync("table.tally caption"));
        Assert.Equal("1 / 1 / 0 (2)", await row.Locator("td.heads").InnerTextAsync());
        Assert.Equal("¥10,000.00", await row.Locator("td.amount-for").InnerTextAsync());
        Assert.Equal("¥20,000.00", await row.Locator("td.amount-against").InnerTextAsync());
        Assert.Equal(0, judgeNavigations);
        await Chromium.ScreenshotAsync(judge, "vote-judge-live-tally");
    }

    [Fact]
    public async Task When_the_connection_drops_the_page_says_so_and_catches_up_when_it_comes_back()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-reconnect", creditors: 1, withClaims: true);
        await scenario.OpenMeetingAsync();
        var judge = await chromium.NewPersonAsync(server.Address);
        var blocked = false;
        IWebSocketRoute? current = null;
        await judge.RouteWebSocketAsync(new Regex("/hubs/live"), async route =>
        {
            if (blocked)
            {
                await route.CloseAsync();
                return;
            }
            current = route;
            route.ConnectToServer();
        });
        // Cut off means cut off: without a WebSocket the client falls back to server-sent events or long polling,
        // which would otherwise reconnect it at once.
        await judge.RouteAsync(new Regex("/hubs/live"), async route =>
        {
            if (blocked) await route.AbortAsync();
            else await route.ContinueAsync();
        });
        await SignIn.AsAsync(judge, scenario.Judge);
        await judge.GotoAsync($"/#/meetings/{scenario.MeetingId}");
        await judge.WaitForSelectorAsync("main[data-view='meeting']");
        await judge.WaitForSelectorAsync("#connection[data-state='connected']");
        await judge.WaitForSelectorAsync("table.tally[data-votes='0']");

        blocked = true;
        await current!.CloseAsync();
        await judge.WaitForSelectorAsync("#connection[data-state='reconnecting']");
        await Chromium.ScreenshotAsync(judge, "reconnect-dropped");

        // A vote happens while the page is cut off; it cannot arrive live. The administrator's own connection sees the
        // tally go out first, so the cut-off page still showing no ballots means it missed the update, not that the
        // check ran before the update could have arrived.
        await using var watcher = await server.ConnectHubAsync(scenario.Administrator);
        await watcher.InvokeAsync<MeetingView>("WatchMeetingAsStaff", scenario.MeetingId);
        await scenario.Creditors[0].Http.PostOk<BallotAck>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.For));
        await watcher.WaitForAsync<TallyUpdate>("tally", u => u.MeetingId == scenario.MeetingId && u.Tally.VotesRecorded == 1, TimeSpan.FromSeconds(10));
        Assert.Equal("0 ballots", await judge.InnerTextAsync("table.tally caption"));
        Assert.StartsWith("0 / 0 / 0 (", await judge.InnerTextAsync("table.tally td.heads"), StringComparison.Ordinal);

        blocked = false;
        await judge.WaitForSelectorAsync("#connection[data-state='connected']", new PageWaitForSelectorOptions { Timeout = 20_000 });
        await judge.WaitForSelectorAsync("table.tally[data-votes='1']");
        await Chromium.ScreenshotAsync(judge, "reconnect-caught-up");
    }
}
