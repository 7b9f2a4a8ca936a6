using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CaseGrains.DepartmentClient;
using CaseGrains.MachineApi.Signatures;
using CaseGrains.Testing;
using CaseGrains.WebFront.MachineApi;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CaseGrains.Api.Tests;

/// <summary>
/// The guard in front of every machine endpoint, over real HTTP: every route of the machine API is behind it; a request
/// is judged by its signature fields before its body is read; a body over the limit is 413; and the audit trail names
/// the department whose key signed a request.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MachineApiGuardTests(PostgresServer postgres) : IAsyncLifetime
{
    /// <summary>The MachineApi:MaxBodyBytes default.</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    private ServerHost server = null!;
    private CaseScenario scenario = null!;
    private MachineScenario tax = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "guard-case");
        await scenario.OpenAsync();
        tax = await new MachineScenario(server).RegisterAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private string TaxClaimsPath => $"/machine/v1/cases/{scenario.CaseId}/tax-claims";

    private Task<List<AuditRecord>> AuditAsync(string? actor = null) =>
        scenario.Judge.Http.GetOk<List<AuditRecord>>($"/api/audit?caseId={scenario.CaseId}" + (actor is null ? "" : $"&actor={Uri.EscapeDataString(actor)}"));

    [Fact]
    public async Task Every_route_under_machine_is_a_signed_machine_endpoint_and_refuses_an_unsigned_request()
    {
        var machineRoutes = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/machine/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(EndpointTable.Http.Keys.Count(k => k.Contains(" /machine/", StringComparison.Ordinal)), machineRoutes.Count);
        foreach (var route in machineRoutes)
        {
            Assert.True(route.Metadata.GetMetadata<MachineEndpoint>() is not null, route.RoutePattern.RawText);
            Assert.True(route.Metadata.GetMetadata<IAllowAnonymous>() is not null, route.RoutePattern.RawText);
            Assert.StartsWith("/machine/v1/", route.RoutePattern.RawText, StringComparison.Ordinal);
        }

        foreach (var (operation, (_, body)) in EndpointTable.Http.Where(e => e.Key.Contains(" /machine/", StringComparison.Ordinal)))
        {
            var parts = operation.Split(' ', 2);
            var url = parts[1].Replace("{caseId}", scenario.CaseId, StringComparison.Ordinal).Replace("{claimId}", "cl-1", StringComparison.Ordinal)
                .Replace("{resource}", "tax-arrears", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(parts[0]), url);
            if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await server.Http.SendAsync(request);

            await AssertSignatureRefused(response, "missingHeader", operation);
        }
    }

    [Fact]
    public async Task An_unsigned_write_with_a_body_over_the_limit_is_refused_as_unsigned_without_its_body_being_read()
    {
        // Had the body been read first, this would be 413; the go-ahead (100 Continue) is given only when the body is read.
        using var request = new HttpRequestMessage(HttpMethod.Post, TaxClaimsPath) { Content = new ByteArrayContent(new byte[2 * MaxBodyBytes]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.ExpectContinue = true;
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "\"unsigned\"");

        using var response = await server.Http.SendAsync(request);

        var reason = await AssertSignatureRefused(response, "missingHeader");
        Assert.Contains("no Signature", reason, StringComparison.Ordinal);
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<CaseGrains.Claims.ClaimView>>($"/api/cases/{scenario.CaseId}/claims"));
    }

    public static TheoryData<string, string> RefusedByTheirFields => new()
    {
        { "unsigned", "missingHeader" },
        { "unknown key", "unknownKey" },
        { "created an hour ago", "createdOutsideWindow" },
        { "idempotency-key not covered", "componentNotCovered" },
    };

    /// <summary>
    /// The request announces a body but sends none of it, over a plain socket (HttpClient would not read an answer
    /// before it had sent the body). A server that read the body before judging the signature fields would wait for
    /// it until Kestrel gave up on the stalled upload (a 400 after some seconds), never answering with the refusal.
    /// </summary>
    [Theory]
    [MemberData(nameof(RefusedByTheirFields))]
    public async Task A_request_refused_by_its_signature_fields_is_answered_before_any_of_its_body_is_sent(string what, string check)
    {
        var uri = new Uri(server.Address, TaxClaimsPath);
        var content = new byte[64 * 1024];
        var signed = what switch
        {
            "unsigned" => null,
            "unknown key" => RequestSigner.Sign("POST", uri, content, "\"k\"", "tax-sz.0000000000000000", tax.Secret, DateTimeOffset.UtcNow, RequestSigner.NewNonce()),
            "created an hour ago" => RequestSigner.Sign("POST", uri, content, "\"k\"", tax.Key.KeyId, tax.Secret, DateTimeOffset.UtcNow.AddHours(-1), RequestSigner.NewNonce()),
            _ => RequestSigner.Sign("POST", uri, content, null, tax.Key.KeyId, tax.Secret, DateTimeOffset.UtcNow, RequestSigner.NewNonce()),
        };
        var head = new StringBuilder($"POST {TaxClaimsPath} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Type: application/json\r\n")
            .Append($"Content-Length: {content.Length}\r\nConnection: close\r\n");
        var fields = signed?.ToHeaders().ToList() ?? [];
        if (!fields.Any(f => f.Key == "Idempotency-Key")) fields.Add(new("Idempotency-Key", "\"k\""));
        foreach (var (name, value) in fields) head.Append($"{name}: {value}\r\n");
        head.Append("\r\n");

        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(uri.Host, uri.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
        var (status, headers, body) = await RawHttp.ReadResponseAsync(stream).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(status == 401, $"{what}: {status}");
        Assert.Contains("application/problem+json", headers, StringComparison.OrdinalIgnoreCase);
        ProblemAssert.Names((HttpStatusCode)status, body, HttpStatusCode.Unauthorized, "signature");
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(check, problem.RootElement.GetProperty("check").GetString());
    }

    [Fact]
    public async Task A_correctly_signed_body_over_the_limit_is_413_naming_the_body_and_declares_nothing()
    {
        using var careful = new HttpClient { BaseAddress = server.Address, DefaultRequestHeaders = { ExpectContinue = true } };
        var oversized = Encoding.UTF8.GetBytes("{\"lines\":[],\"reference\":\"" + new string('a', MaxBodyBytes) + "\"}");

        using var response = await tax.Client(http: careful).SendAsync(HttpMethod.Post, TaxClaimsPath.TrimStart('/'), oversized, DepartmentApiClient.NewIdempotencyKey());

        var reason = await ProblemAssert.NamesAsync(response, HttpStatusCode.RequestEntityTooLarge, "body");
        Assert.Contains($"{MaxBodyBytes}", reason, StringComparison.Ordinal);
        Assert.Equal("The request body is too large.", (await MachineScenario.JsonOf(response)).GetProperty("title").GetString());
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<CaseGrains.Claims.ClaimView>>($"/api/cases/{scenario.CaseId}/claims"));

        // Just under the limit is read and verified like any body.
        var fits = Encoding.UTF8.GetBytes("{\"lines\":[],\"reference\":\"" + new string('a', MaxBodyBytes - 64) + "\"}");
        using var atLimit = await tax.Client(http: careful).SendAsync(HttpMethod.Post, TaxClaimsPath.TrimStart('/'), fits, DepartmentApiClient.NewIdempotencyKey());
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, atLimit.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, atLimit.StatusCode);
    }

    [Fact]
    public async Task A_chunked_body_is_cut_off_as_soon_as_it_passes_the_limit()
    {
        // Without Content-Length the size shows only while reading; a small limit makes the read loop decide.
        await using var small = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), new Dictionary<string, string?> { ["MachineApi:MaxBodyBytes"] = "4096" });
        var caseOnSmall = new CaseScenario(small, "chunked-case");
        await caseOnSmall.OpenAsync();
        var bureau = await new MachineScenario(small).RegisterAsync();
        var uri = new Uri(small.Address, $"/machine/v1/cases/{caseOnSmall.CaseId}/tax-claims");
        var content = Encoding.UTF8.GetBytes("{\"lines\":[],\"reference\":\"" + new string('a', 8192) + "\"}");
        var signed = RequestSigner.Sign("POST", uri, content, "\"chunked\"", bureau.Key.KeyId, bureau.Secret, DateTimeOffset.UtcNow, RequestSigner.NewNonce());
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StreamContent(new UnseekableStream(content)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in signed.ToHeaders()) request.Headers.TryAddWithoutValidation(name, value);

        using var response = await small.Http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Contains("4096", await ProblemAssert.NamesAsync(response, HttpStatusCode.RequestEntityTooLarge, "body"), StringComparison.Ordinal);
        Assert.Empty(await caseOnSmall.Administrator.Http.GetOk<List<CaseGrains.Claims.ClaimView>>($"/api/cases/{caseOnSmall.CaseId}/claims"));
    }

    [Fact]
    public async Task A_departments_declaration_is_audited_under_the_department_and_so_are_its_refused_requests()
    {
        using var declared = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(300_00), DepartmentApiClient.NewIdempotencyKey());
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        // Refused after its signature was verified: a nonce sent twice, and an Idempotency-Key reused for another declaration.
        var replaying = new DepartmentApiClient(server.Http, tax.Key.KeyId, tax.Secret) { NewNonce = () => "audited-nonce" };
        using var first = await replaying.DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(100_00), "audit-key");
        using var replayed = await replaying.DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(100_00), "audit-key-2");
        using var mismatch = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, MachineScenario.Declaration(999_00), "audit-key");
        // Refused before any signature was verified: nobody can be named.
        using var unsigned = await server.Http.PostAsync(TaxClaimsPath, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        var byDepartment = await AuditAsync("dept-tax-sz");
        var all = await AuditAsync();

        Assert.Equal([422, 401, 201, 201], byDepartment.Where(r => r.Path == TaxClaimsPath).Select(r => r.Status));
        Assert.All(byDepartment, r =>
        {
            Assert.Equal("dept-tax-sz", r.Actor);
            Assert.Equal(MachineCaller.Role, r.Role);
            Assert.Equal("POST", r.Method);
            Assert.Equal(scenario.CaseId, r.CaseId);
            Assert.Contains(tax.Key.KeyId, r.Detail, StringComparison.Ordinal);
        });
        Assert.StartsWith("denied", byDepartment[1].Detail, StringComparison.Ordinal);
        // Each machine request is in the trail once, and none that was verified is anonymous.
        var anonymous = Assert.Single(all, r => r.Actor == "anonymous");
        Assert.Equal((401, "denied"), (anonymous.Status, anonymous.Detail));
        Assert.Equal(5, all.Count(r => r.Path == TaxClaimsPath));
    }

    /// <summary>Returns the reason given for the signature.</summary>
    private static async Task<string> AssertSignatureRefused(HttpResponseMessage response, string check, string? what = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var reason = await ProblemAssert.NamesAsync(response, HttpStatusCode.Unauthorized, "signature");
        Assert.Equal(check, (await MachineScenario.JsonOf(response)).GetProperty("check").GetString());
        Assert.True(response.Headers.Contains("Accept-Signature"));
        return reason;
    }

    /// <summary>A stream HttpClient cannot measure, so it sends the body chunked.</summary>
    private sealed class UnseekableStream(byte[] content) : MemoryStream(content, writable: false)
    {
        public override bool CanSeek => false;
    }
}
