using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseGrains.Accounts;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Security.Totp;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>Sign-in, sessions and the walls between cases, as an attacker or a careless user would meet them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SecurityTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_page_session_cookie_is_HttpOnly_and_SameSite_Strict()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        using var browser = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = server.Address };

        using var response = await browser.PostAsJsonAsync("/api/auth/signin", new SignInRequest("admin", People.AdminPassword, null), ApiJson.Options);

        response.EnsureSuccessStatusCode();
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => !c.Contains("antiforgery", StringComparison.OrdinalIgnoreCase)
            && !c.Contains("xsrf", StringComparison.OrdinalIgnoreCase)).ToLowerInvariant();
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_creditor_of_one_case_cannot_read_vote_in_or_watch_another_by_guessing_ids()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var cases = await TwoCases.CreateAsync(server);
        var intruder = cases.A.Creditors[0];

        foreach (var url in new[] { $"/api/cases/{cases.B.CaseId}", $"/api/cases/{cases.B.CaseId}/claims", $"/api/meetings/{cases.B.MeetingId}",
                     $"/api/meetings/{cases.B.MeetingId}/resolutions/r1/tally" })
            Assert.Equal(HttpStatusCode.Forbidden, (await intruder.Http.GetAsync(url)).StatusCode);
        var (voteStatus, _) = await intruder.Http.SendJson(HttpMethod.Post, $"/api/meetings/{cases.B.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.Against));
        Assert.Equal(403, voteStatus);

        await using var intruderHub = await server.ConnectHubAsync(intruder);
        foreach (var (method, argument) in new[] { ("WatchCase", cases.B.CaseId), ("WatchMeeting", cases.B.MeetingId), ("WatchMeetingAsStaff", cases.B.MeetingId) })
        {
            var refusal = await Assert.ThrowsAsync<HubException>(() => intruderHub.InvokeAsync(method, argument));
            Assert.Contains("notAllowed", refusal.Message, StringComparison.Ordinal);
        }
        // There is no way to name a group: a method that would join one does not exist.
        await Assert.ThrowsAsync<HubException>(() => intruderHub.InvokeAsync("AddToGroupAsync", $"meeting:{cases.B.MeetingId}"));
        await intruderHub.InvokeAsync<MeetingView>("WatchMeeting", cases.A.MeetingId);

        // A vote in B reaches B's judge; then a vote in A reaches the intruder, who never saw B's tally.
        await using var judgeB = await server.ConnectHubAsync(cases.B.Judge);
        await judgeB.InvokeAsync<MeetingView>("WatchMeetingAsStaff", cases.B.MeetingId);
        await cases.B.Creditors[0].Http.PostOk<BallotAck>($"/api/meetings/{cases.B.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.For));
        await judgeB.WaitForAsync<TallyUpdate>("tally", u => u.Tally.VotesRecorded == 1, TimeSpan.FromSeconds(10));
        await cases.A.Creditors[1].Http.PostOk<BallotAck>($"/api/meetings/{cases.A.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.For));
        await intruderHub.WaitForAsync<TallyUpdate>("tally", u => u.Tally.VotesRecorded == 1, TimeSpan.FromSeconds(10));
        Assert.False(intruderHub.On("tally").TryRead(out var extra) && extra?["meetingId"]?.ToString() == cases.B.MeetingId);
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(),
            new Dictionary<string, string?> { ["Security:MaxFailedSignIns"] = "3" });
        var admin = await server.People.PlatformAdminAsync();
        await admin.Http.PostOk<StaffAccountCreated>("/api/accounts", new CreateStaffRequest("locked-out", AccountRole.PlatformAdmin, "x", People.Password));

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(server, "locked-out", "wrong password!", null)).StatusCode);
        Assert.Equal((HttpStatusCode)423, (await TokenAsync(server, "locked-out", "wrong password!", null)).StatusCode);
        var locked = await TokenAsync(server, "locked-out", People.Password, null);

        Assert.Equal((HttpStatusCode)423, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_TOTP_code_is_accepted_once_and_an_old_or_missing_code_is_refused()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var admin = await server.People.PlatformAdminAsync();
        var created = await admin.Http.PostOk<StaffAccountCreated>("/api/accounts",
            new CreateStaffRequest("judge-totp", AccountRole.Judge, "Judge", People.Password, "深圳市中级人民法院"));
        var secret = Base32.Decode(created.TotpSecret!);
        Assert.StartsWith("otpauth://totp/", created.TotpUri, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(server, "judge-totp", People.Password, null)).StatusCode);
        var old = TotpGenerator.Code(secret, DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(server, "judge-totp", People.Password, old)).StatusCode);
        var code = TotpGenerator.Code(secret, DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(server, "judge-totp", People.Password, code)).StatusCode);
        var reused = await TokenAsync(server, "judge-totp", People.Password, code);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Contains("used already", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_writes_need_the_anti_forgery_token_and_bearer_writes_do_not()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = new CaseScenario(server, "csrf");
        await scenario.OpenAsync();
        var creditor = await scenario.InviteAsync(scenario.CreditorOf(0));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = server.Address };
        (await browser.PostAsJsonAsync("/api/auth/signin", new SignInRequest(creditor.Username, People.Password), ApiJson.Options)).EnsureSuccessStatusCode();
        var claim = new DeclareClaimRequest(creditor.CreditorId!, CaseGrains.Claims.ClaimClass.Ordinary, 100_00);

        var forged = await browser.SendJson(HttpMethod.Post, $"/api/cases/{scenario.CaseId}/claims", claim);
        ProblemAssert.Field(400, "X-XSRF-TOKEN", forged);

        var token = await browser.GetFromJsonAsync<AntiforgeryTokenResponse>("/api/auth/antiforgery", ApiJson.Options);
        browser.DefaultRequestHeaders.Add(token!.HeaderName, token.Token);
        var genuine = await browser.SendJson(HttpMethod.Post, $"/api/cases/{scenario.CaseId}/claims", claim);
        Assert.Equal(201, genuine.Status);
        var bearer = await creditor.Http.SendJson(HttpMethod.Post, $"/api/cases/{scenario.CaseId}/claims", claim);
        Assert.Equal(201, bearer.Status);
    }

    [Fact]
    public async Task Disabling_an_account_cuts_its_open_session_and_its_live_connection()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = new CaseScenario(server, "disable");
        await scenario.OpenAsync();
        var creditor = await scenario.InviteAsync(scenario.CreditorOf(0));
        await using var hub = await server.ConnectHubAsync(creditor);
        await hub.InvokeAsync("WatchCase", scenario.CaseId);
        Assert.Equal(HttpStatusCode.OK, (await creditor.Http.GetAsync($"/api/cases/{scenario.CaseId}")).StatusCode);

        var admin = await server.People.PlatformAdminAsync();
        (await admin.Http.PostAsync($"/api/accounts/{creditor.Username}/disable", null)).EnsureSuccessStatusCode();

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.Unauthorized, (await creditor.Http.GetAsync($"/api/cases/{scenario.CaseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(server, creditor.Username, People.Password, null)).StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => server.ConnectHubAsync(creditor));
    }

    [Fact]
    public async Task A_session_ends_after_its_idle_limit_and_after_its_absolute_limit()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Security:SessionIdle"] = "00:30:00",
            ["Security:SessionAbsolute"] = "00:50:00",
        }, clock);
        var idle = await server.People.PlatformAdminAsync();
        var busy = await server.People.SignInAsync("admin", People.AdminPassword, null);

        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await busy.Http.GetAsync("/api/auth/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.Http.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.Http.GetAsync("/api/auth/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.Http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_again_gives_a_fresh_token_and_signing_out_ends_only_that_session()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var first = await server.People.SignInAsync("admin", People.AdminPassword, null);
        var second = await server.People.SignInAsync("admin", People.AdminPassword, null);
        Assert.NotEqual(first.Token, second.Token);

        (await first.Http.PostAsync("/api/auth/signout", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.Http.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Http.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Limits_hold_requests_per_minute_and_live_connections_per_person()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["Security:RequestsPerMinute"] = "20",
            ["Security:ConnectionsPerUser"] = "2",
        });
        var admin = await server.People.PlatformAdminAsync();
        await admin.Http.PostOk<StaffAccountCreated>("/api/accounts", new CreateStaffRequest("watcher", AccountRole.PlatformAdmin, "x", People.Password));
        var watcher = await server.People.SignInAsync("watcher", People.Password, null);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++) statuses.Add((await admin.Http.GetAsync("/api/auth/me")).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        await using var one = await server.ConnectHubAsync(watcher);
        await using var two = await server.ConnectHubAsync(watcher);
        await using var three = await server.ConnectHubAsync(watcher);
        await three.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(one.IsConnected && two.IsConnected);
    }

    [Fact]
    public async Task Judges_read_the_audit_trail_of_their_cases_with_writes_and_refusals()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var cases = await TwoCases.CreateAsync(server);
        Assert.Equal(HttpStatusCode.Forbidden, (await cases.B.Creditors[0].Http.GetAsync($"/api/cases/{cases.A.CaseId}/claims")).StatusCode);

        var trail = await cases.A.Judge.Http.GetOk<List<JsonObject>>($"/api/audit?caseId={cases.A.CaseId}");

        Assert.Contains(trail, r => (string?)r["method"] == "PUT" && (string?)r["actor"] == cases.A.Judge.Username && (int?)r["status"] == 201);
        Assert.Contains(trail, r => (string?)r["method"] == "POST" && ((string?)r["path"])!.EndsWith("/review", StringComparison.Ordinal));
        Assert.Contains(trail, r => (int?)r["status"] == 403 && (string?)r["actor"] == cases.B.Creditors[0].Username && (string?)r["detail"] == "denied");
        Assert.All(trail, r => Assert.False(string.IsNullOrEmpty((string?)r["from"])));
        Assert.Equal(HttpStatusCode.Forbidden, (await cases.B.Judge.Http.GetAsync($"/api/audit?caseId={cases.A.CaseId}")).StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        foreach (var url in new[] { "/", "/api/auth/me", "/health" })
        {
            using var response = await server.People.Anonymous.GetAsync(url);
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        }
    }

    private static Task<HttpResponseMessage> TokenAsync(ServerHost server, string username, string password, string? code) =>
        server.People.Anonymous.PostAsJsonAsync("/api/auth/token", new SignInRequest(username, password, code), ApiJson.Options);
}
