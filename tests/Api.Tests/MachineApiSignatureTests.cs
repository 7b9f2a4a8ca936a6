using System.Net;
using System.Text;
using System.Text.Json;
using CaseGrains.Claims;
using CaseGrains.DepartmentClient;
using CaseGrains.MachineApi.Signatures;
using CaseGrains.Testing;
using CaseGrains.WebFront.MachineApi.Keys;

namespace CaseGrains.Api.Tests;

/// <summary>The signed machine API over real HTTP: what a signature must be for a department's request to count.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MachineApiSignatureTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseScenario scenario = null!;
    private MachineScenario tax = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "sig-case");
        await scenario.OpenAsync();
        tax = await new MachineScenario(server).RegisterAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private string ClaimsUrl => $"/api/cases/{scenario.CaseId}/claims";

    [Fact]
    public async Task A_correctly_signed_declaration_is_split_and_declared_in_the_departments_name()
    {
        using var response = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId,
            MachineScenario.Declaration(1_000_000_00, 12_345_67), DepartmentApiClient.NewIdempotencyKey());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var declared = JsonSerializer.Deserialize<TaxDeclarationView>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.Equal(1_000_000_00, declared.PriorityClaim!.PrincipalFen);
        Assert.Equal(ClaimClass.SocialInsuranceAndTax, declared.PriorityClaim.Class);
        Assert.Equal(ClaimClass.Ordinary, declared.OrdinaryClaim!.Class);
        Assert.Equal(12_345_67, declared.OrdinaryClaim.DeclaredFen);
        Assert.Equal("dept-tax-sz", declared.PriorityClaim.CreditorId);
        Assert.Equal(ClaimOrigin.Department, declared.PriorityClaim.Origin);
        Assert.EndsWith($"/machine/v1/cases/{scenario.CaseId}/claims/{declared.PriorityClaim.ClaimId}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var claim = await tax.Client().GetClaimAsync(scenario.CaseId, declared.OrdinaryClaim.ClaimId);
        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal(2, (await scenario.Administrator.Http.GetOk<List<ClaimView>>(ClaimsUrl)).Count);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused_and_nothing_is_declared()
    {
        using var response = await tax.Client(secret: new byte[32]).DeclareTaxClaimAsync(scenario.CaseId,
            MachineScenario.Declaration(100_00), DepartmentApiClient.NewIdempotencyKey());

        await AssertRefused(response, "badSignature");
        Assert.True(response.Headers.Contains("Accept-Signature"));
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<ClaimView>>(ClaimsUrl));
    }

    [Fact]
    public async Task A_body_changed_after_signing_does_not_match_its_digest()
    {
        var content = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(MachineScenario.Declaration(100_00), DepartmentApiClient.Json));
        var uri = new Uri(server.Address, $"/machine/v1/cases/{scenario.CaseId}/tax-claims");
        var signed = RequestSigner.Sign("POST", uri, content, "\"k-tampered\"", tax.Key.KeyId, tax.Secret, DateTimeOffset.UtcNow, RequestSigner.NewNonce());
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(Encoding.UTF8.GetString(content).Replace("10000", "99900", StringComparison.Ordinal), Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in signed.ToHeaders()) request.Headers.TryAddWithoutValidation(name, value);

        using var response = await server.Http.SendAsync(request);

        await AssertRefused(response, "badDigest");
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<ClaimView>>(ClaimsUrl));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public async Task A_signature_created_more_than_300_seconds_from_the_servers_clock_is_refused(int skewSeconds)
    {
        var skewed = new FixedClock(DateTimeOffset.UtcNow.AddSeconds(skewSeconds));

        using var response = await tax.Client(skewed).DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(100_00), DepartmentApiClient.NewIdempotencyKey());

        await AssertRefused(response, "createdOutsideWindow");
    }

    [Fact]
    public async Task A_signature_created_well_within_the_window_is_accepted()
    {
        using var response = await tax.Client(new FixedClock(DateTimeOffset.UtcNow.AddSeconds(-240))).ReadFeedAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_nonce_is_good_for_one_request_only()
    {
        var replaying = new DepartmentApiClient(server.Http, tax.Key.KeyId, tax.Secret) { NewNonce = () => "the-same-nonce" };

        using var first = await replaying.DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(100_00), "key-one");
        using var second = await replaying.DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(200_00), "key-two");
        using var read = await replaying.ReadFeedAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertRefused(second, "replayedNonce");
        await AssertRefused(read, "replayedNonce");
        Assert.Single(await scenario.Administrator.Http.GetOk<List<ClaimView>>(ClaimsUrl));
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_another_key_of_the_department_still_works()
    {
        var spare = await tax.IssueKeyAsync();
        using var before = await tax.Client().ReadFeedAsync();
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        var platform = await server.People.PlatformAdminAsync();
        var revoked = await platform.Http.PostOk<DepartmentKeyView>($"/api/departments/{tax.Department}/keys/{tax.Key.KeyId}/revoke", new { });
        using var after = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(100_00), DepartmentApiClient.NewIdempotencyKey());
        using var withSpare = await tax.Client(keyId: spare.KeyId, secret: DepartmentApiClient.DecodeSecret(spare.Secret)).ReadFeedAsync();

        Assert.NotNull(revoked.RevokedAt);
        var reason = await AssertRefused(after, "unknownKey");
        Assert.Contains("revoked", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, withSpare.StatusCode);
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<ClaimView>>(ClaimsUrl));
        var keys = await platform.Http.GetOk<List<DepartmentKeyView>>($"/api/departments/{tax.Department}/keys");
        Assert.Equal([true, false], keys.Select(k => k.RevokedAt is not null));
    }

    [Fact]
    public async Task An_unknown_key_is_refused()
    {
        using var response = await tax.Client(keyId: "tax-sz.0000000000000000").ReadFeedAsync();

        await AssertRefused(response, "unknownKey");
    }

    [Fact]
    public async Task An_unsigned_request_is_refused()
    {
        using var response = await server.Http.GetAsync("/machine/v1/feed");

        await AssertRefused(response, "missingHeader");
    }

    [Fact]
    public async Task A_write_without_an_Idempotency_Key_is_400_and_a_signature_that_leaves_the_key_out_is_refused()
    {
        using var missing = await tax.Client().SendAsync(HttpMethod.Post, $"machine/v1/cases/{scenario.CaseId}/tax-claims",
            JsonSerializer.SerializeToUtf8Bytes(MachineScenario.Declaration(100_00), DepartmentApiClient.Json), idempotencyKey: null);

        await ProblemAssert.NamesAsync(missing, HttpStatusCode.BadRequest, "idempotencyKey");

        // The key is sent but not covered by the signature: it could be swapped in transit.
        var content = JsonSerializer.SerializeToUtf8Bytes(MachineScenario.Declaration(100_00), DepartmentApiClient.Json);
        var uri = new Uri(server.Address, $"/machine/v1/cases/{scenario.CaseId}/tax-claims");
        var signed = RequestSigner.Sign("POST", uri, content, null, tax.Key.KeyId, tax.Secret, DateTimeOffset.UtcNow, RequestSigner.NewNonce());
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new("application/json");
        foreach (var (name, value) in signed.ToHeaders()) request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "\"uncovered\"");
        using var uncovered = await server.Http.SendAsync(request);

        await AssertRefused(uncovered, "componentNotCovered");
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<ClaimView>>(ClaimsUrl));
    }

    [Fact]
    public async Task The_signed_target_is_the_raw_request_target_so_an_escaped_query_verifies()
    {
        // A server that rebuilt the target from the decoded query (note=a/b c) would not match what was signed.
        using var response = await tax.Client().SendAsync(HttpMethod.Get, "machine/v1/feed?after=0&limit=5&note=a%2Fb%20c", null, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_machine_API_and_the_claim_endpoints()
    {
        using var document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[]
        {
            "/machine/v1/cases/{caseId}/tax-claims", "/machine/v1/feed", "/api/departments/{code}/keys", "/api/departments/{code}/callback",
            "/api/cases/{caseId}/claims/{claimId}/objections", "/api/cases/{caseId}/claim-list.csv", "/api/cases/{caseId}/claims/{claimId}/evidence",
        })
            Assert.True(paths.TryGetProperty(path, out _), path);
    }

    /// <summary>Returns the reason given for the signature.</summary>
    private static async Task<string> AssertRefused(HttpResponseMessage response, string check)
    {
        var reason = await ProblemAssert.NamesAsync(response, HttpStatusCode.Unauthorized, "signature");
        Assert.Equal(check, (await MachineScenario.JsonOf(response)).GetProperty("check").GetString());
        return reason;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
