using System.Net;
using CaseGrains.Claims;
using CaseGrains.DepartmentClient;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Idempotency-Key on the machine API (IETF httpapi Idempotency-Key draft) over real HTTP: a retry after a lost answer
/// does the work once and gets the first answer; concurrent retries are one request; a key cannot be reused for another.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MachineApiIdempotencyTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseScenario scenario = null!;
    private MachineScenario tax = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "idem-case");
        await scenario.OpenAsync();
        tax = await new MachineScenario(server).RegisterAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private Task<List<ClaimView>> Claims() => scenario.Administrator.Http.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims");

    [Fact]
    public async Task A_retry_after_a_lost_answer_declares_once_and_gets_the_first_answer()
    {
        var losing = new LosingHandler();
        using var flaky = new HttpClient(losing) { BaseAddress = server.Address };
        var client = tax.Client(http: flaky);
        var key = DepartmentApiClient.NewIdempotencyKey();
        var declaration = MachineScenario.Declaration(5_000_000_00, 123_45);

        // The server declares the claim, but its answer never reaches the bureau.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.DeclareTaxClaimAsync(scenario.CaseId, declaration, key));
        using var retry = await client.DeclareTaxClaimAsync(scenario.CaseId, declaration, key);

        var (firstStatus, firstBody, firstLocation) = losing.Lost!.Value;
        Assert.Equal(HttpStatusCode.Created, firstStatus);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(firstBody, await retry.Content.ReadAsStringAsync());
        Assert.Equal(firstLocation, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        var claims = await Claims();
        Assert.Equal(2, claims.Count);
        Assert.Equal(1, claims.Count(c => c.Class == ClaimClass.SocialInsuranceAndTax));
    }

    [Fact]
    public async Task Fifty_concurrent_requests_with_one_key_declare_one_claim_and_the_rest_get_its_answer_or_409()
    {
        var key = DepartmentApiClient.NewIdempotencyKey();
        var declaration = MachineScenario.Declaration(7_777_00);
        using var start = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 50).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, declaration, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(50);
        var answers = await Task.WhenAll(sends);

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a.StatusCode}: {a.Body}"));
        var created = answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Body).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created.Distinct());
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.Conflict),
            a => Assert.Contains("idempotencyKey", a.Body, StringComparison.Ordinal));
        var claim = Assert.Single(await Claims());
        Assert.Equal(7_777_00, claim.PrincipalFen);
        Assert.Contains(claim.ClaimId, created[0], StringComparison.Ordinal);

        // Once the first has finished, every retry gets its answer.
        using var later = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, declaration, key);
        Assert.Equal(created[0], await later.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_changes_nothing()
    {
        var key = DepartmentApiClient.NewIdempotencyKey();
        using var first = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(100_00), key);
        using var other = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(999_00), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await ProblemAssert.NamesAsync(other, HttpStatusCode.UnprocessableEntity, "idempotencyKey");
        Assert.Equal(100_00, Assert.Single(await Claims()).PrincipalFen);
    }

    [Fact]
    public async Task Keys_are_scoped_to_the_department()
    {
        var social = await new MachineScenario(server, "sb-sz").RegisterAsync();
        var key = DepartmentApiClient.NewIdempotencyKey();

        using var fromTax = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(100_00), key);
        using var fromSocial = await social.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(200_00), key);

        Assert.Equal(HttpStatusCode.Created, fromTax.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fromSocial.StatusCode);
        Assert.Equal(["dept-sb-sz", "dept-tax-sz"], (await Claims()).Select(c => c.CreditorId).Order());
    }

    [Fact]
    public async Task A_refusal_is_the_first_answer_too_and_a_fee_after_acceptance_is_refused_naming_the_line()
    {
        var key = DepartmentApiClient.NewIdempotencyKey();
        var declaration = MachineScenario.Declaration(100_00, 50_00, MachineScenario.Acceptance.AddDays(1));

        using var first = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, declaration, key);
        using var again = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, declaration, key);

        var body = await first.Content.ReadAsStringAsync();
        var reason = ProblemAssert.Names(first.StatusCode, body, HttpStatusCode.BadRequest, "lines[1].accruedUntil");
        Assert.Contains("2026-03-01", reason, StringComparison.Ordinal);
        Assert.Contains("2026-03-02", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(body, await again.Content.ReadAsStringAsync());
        Assert.Empty(await Claims());
    }

    /// <summary>Lets the first request through to the server, then loses its answer on the way back.</summary>
    private sealed class LosingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public (HttpStatusCode Status, string Body, Uri? Location)? Lost { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (Lost is not null) return response;
            using (response)
            {
                Lost = (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), response.Headers.Location);
            }
            throw new HttpRequestException("The connection was reset before the answer arrived.");
        }
    }

    [Fact]
    public async Task A_request_refused_by_the_rate_limit_leaves_its_key_free_for_a_later_retry()
    {
        await using var limited = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?> { ["Security:RequestsPerMinute"] = "30" });
        var limitedCase = new CaseScenario(limited, "idem-limited");
        await limitedCase.OpenAsync();
        var bureau = await new MachineScenario(limited).RegisterAsync();
        for (var i = 0; i < 30; i++) (await bureau.Client().ReadFeedAsync()).Dispose();
        var key = DepartmentApiClient.NewIdempotencyKey();

        using var refused = await bureau.Client().DeclareTaxClaimAsync(limitedCase.CaseId, MachineScenario.Declaration(100_00), key);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(0L, await MachineScenario.ScalarAsync<long>(limited, "select count(*) from idempotency_record where strpos(idem_key, $1) > 0", key));
        Assert.Equal(0L, await MachineScenario.ScalarAsync<long>(limited, "select count(*) from grain_fact where grain_type = 'case' and data->>'fact' = 'claim.taxDeclared'"));
    }
}
