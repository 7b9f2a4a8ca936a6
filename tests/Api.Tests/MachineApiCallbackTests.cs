using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CaseGrains.Claims;
using CaseGrains.DepartmentClient;
using CaseGrains.MachineApi.Signatures;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.MachineApi.Callbacks;
using CaseGrains.WebFront.MachineApi.Feed;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The review result reaches the tax bureau by a signed callback to a real HTTP listener on a loopback port, retried
/// with growing pauses while the listener fails, delivered once, and is in the bureau's pull feed as well.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MachineApiCallbackTests(PostgresServer postgres)
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_listener_that_fails_twice_gets_the_result_once_signed_with_its_key_after_growing_pauses()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?>
        {
            ["MachineApi:CallbackPollInterval"] = "00:00:00.050",
            ["MachineApi:CallbackFirstRetryDelay"] = FirstRetry.ToString(),
        });
        var scenario = new CaseScenario(server, "callback-case");
        await scenario.OpenAsync();
        var tax = await new MachineScenario(server).RegisterAsync();
        var platform = await server.People.PlatformAdminAsync();
        await using var listener = await Listener.StartAsync(failures: 2);
        var registered = await platform.Http.PutOk<DepartmentCallbackView>($"/api/departments/{tax.Department}/callback",
            new CallbackRegistrationRequest(listener.Url.AbsoluteUri));
        Assert.Equal(0, registered.DeliveredThrough);

        using var declared = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(3_000_000_00), DepartmentApiClient.NewIdempotencyKey());
        var claimId = (await MachineScenario.JsonOf(declared)).GetProperty("priorityClaim").GetProperty("claimId").GetString()!;
        await scenario.StartReviewAsync(claimId);
        await scenario.Administrator.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims/{claimId}/review",
            new ReviewClaimRequest(ClaimDecision.PartiallyConfirm, 2_500_000_00, "滞纳金以外的部分税款已缴纳"));

        var calls = await listener.WaitForAsync(3, TimeSpan.FromSeconds(30));

        Assert.Equal([503, 503, 200], calls.Select(c => c.AnsweredStatus));
        Assert.Single(calls.Select(c => c.Body).Distinct());
        Assert.Single(calls.Select(c => c.IdempotencyKey).Distinct());
        Assert.Equal("\"tax-sz:1\"", calls[0].IdempotencyKey);
        Assert.True(calls[1].At - calls[0].At >= FirstRetry, $"second attempt after {calls[1].At - calls[0].At}");
        Assert.True(calls[2].At - calls[1].At >= FirstRetry * 2, $"third attempt after {calls[2].At - calls[1].At}");

        var delivered = calls[2];
        var verification = new HttpSignatureVerifier(TimeProvider.System, new SignatureVerifierOptions(
            [SignatureComponents.Method, SignatureComponents.TargetUri, SignatureComponents.ContentDigest, SignatureComponents.IdempotencyKey],
            TimeSpan.FromSeconds(300))).Verify(delivered.Signable, keyId => keyId == tax.Key.KeyId ? tax.Secret : null);
        Assert.True(verification.IsValid, verification.Detail);
        Assert.False(new HttpSignatureVerifier(TimeProvider.System).Verify(delivered.Signable, _ => new byte[32]).IsValid);

        var notice = JsonDocument.Parse(delivered.Body).RootElement;
        Assert.Equal(1, notice.GetProperty("position").GetInt64());
        Assert.Equal("claim.status", notice.GetProperty("kind").GetString());
        var data = notice.GetProperty("data");
        Assert.Equal(claimId, data.GetProperty("claimId").GetString());
        Assert.Equal("reviewed", data.GetProperty("event").GetString());
        Assert.Equal("partiallyConfirmed", data.GetProperty("status").GetString());
        Assert.Equal(2_500_000_00, data.GetProperty("confirmedFen").GetInt64());
        Assert.Equal("滞纳金以外的部分税款已缴纳", data.GetProperty("reason").GetString());

        // A second result goes out after the first; the first is not sent again. The bureau's officer, signed in as the
        // claim's creditor, withdraws it (the machine API has no withdrawal).
        var bureau = await scenario.InviteAsync("dept-tax-sz");
        await bureau.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims/{claimId}/withdrawal", new WithdrawalRequest("已足额清缴"));
        calls = await listener.WaitForAsync(4, TimeSpan.FromSeconds(30));
        Assert.Equal(200, calls[3].AnsweredStatus);
        Assert.Equal("\"tax-sz:2\"", calls[3].IdempotencyKey);
        Assert.Single(calls, c => c.AnsweredStatus == 200 && c.IdempotencyKey == "\"tax-sz:1\"");

        // The sender records an attempt after the listener answered it.
        var attempts = await Eventually.ReadAsync(
            () => platform.Http.GetOk<List<CallbackAttemptView>>($"/api/departments/{tax.Department}/callback/attempts"), a => a.Count == 4,
            TimeSpan.FromSeconds(10), "four recorded callback attempts");
        Assert.Equal(
            [(1L, 1, CallbackOutcome.Failed, (int?)503), (1L, 2, CallbackOutcome.Failed, 503), (1L, 3, CallbackOutcome.Delivered, 200), (2L, 1, CallbackOutcome.Delivered, 200)],
            attempts.OrderBy(a => a.Position).ThenBy(a => a.Attempt).Select(a => (a.Position, a.Attempt, a.Outcome, a.StatusCode)));
        Assert.Equal(2, (await platform.Http.GetOk<DepartmentCallbackView>($"/api/departments/{tax.Department}/callback")).DeliveredThrough);

        // The same results are in the feed, page by page.
        using var firstPage = await tax.Client().ReadFeedAsync(after: 0, limit: 1);
        var page = JsonSerializer.Deserialize<DepartmentFeedPage>(await firstPage.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.Equal(1, Assert.Single(page.Items).Position);
        Assert.True(page.More);
        using var secondPage = await tax.Client().ReadFeedAsync(after: page.Next, limit: 10);
        var rest = JsonSerializer.Deserialize<DepartmentFeedPage>(await secondPage.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.Equal("withdrawn", Assert.Single(rest.Items).Data.GetProperty("event").GetString());
        Assert.False(rest.More);
        using var empty = await tax.Client().ReadFeedAsync(after: rest.Next);
        Assert.Empty(JsonSerializer.Deserialize<DepartmentFeedPage>(await empty.Content.ReadAsStringAsync(), ApiJson.Options)!.Items);
    }

    [Fact]
    public async Task A_callback_url_must_be_https_unless_it_is_on_this_machine()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var tax = await new MachineScenario(server).RegisterAsync();
        var platform = await server.People.PlatformAdminAsync();

        var plainHttp = await platform.Http.SendJson(HttpMethod.Put, $"/api/departments/{tax.Department}/callback",
            new CallbackRegistrationRequest("http://results.tax.example.cn/casegrains"));

        ProblemAssert.Field(400, "url", plainHttp);
        var https = await platform.Http.PutOk<DepartmentCallbackView>($"/api/departments/{tax.Department}/callback",
            new CallbackRegistrationRequest("https://results.tax.example.cn/casegrains"));
        Assert.Equal("https://results.tax.example.cn/casegrains", https.Url.AbsoluteUri);
    }

    /// <summary>A tiny HTTP server on a loopback port that answers 503 to its first calls, then 200, and keeps what it got.</summary>
    private sealed class Listener : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentQueue<Call> calls = new();
        private readonly SemaphoreSlim arrived = new(0);
        private readonly Stopwatch clock = Stopwatch.StartNew();
        private int count;

        private Listener(WebApplication app) => this.app = app;

        public Uri Url { get; private set; } = null!;

        public static async Task<Listener> StartAsync(int failures)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var listener = new Listener(app);
            app.MapPost("/results/tax", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer);
                var status = Interlocked.Increment(ref listener.count) <= failures ? 503 : 200;
                var headers = context.Request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))).ToList();
                var target = new Uri($"http://{context.Request.Host}{context.Features.Get<IHttpRequestFeature>()!.RawTarget}");
                listener.calls.Enqueue(new Call(listener.clock.Elapsed, status, context.Request.Headers["Idempotency-Key"].ToString(),
                    System.Text.Encoding.UTF8.GetString(buffer.ToArray()), new SignableRequest("POST", target, headers, buffer.ToArray())));
                listener.arrived.Release();
                return Results.StatusCode(status);
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            listener.Url = new Uri(new Uri(address), "/results/tax");
            return listener;
        }

        /// <summary>The calls so far once there are <paramref name="total"/>, in order of arrival.</summary>
        public async Task<List<Call>> WaitForAsync(int total, TimeSpan within)
        {
            using var deadline = new CancellationTokenSource(within);
            while (calls.Count < total) await arrived.WaitAsync(deadline.Token);
            return [.. calls];
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed record Call(TimeSpan At, int AnsweredStatus, string IdempotencyKey, string Body, SignableRequest Signable);
}
