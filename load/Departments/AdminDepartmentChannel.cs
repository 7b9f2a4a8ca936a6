using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.Claims;
using CaseGrains.Load.Engine;
using CaseGrains.Load.Seeding;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Load.Departments;

/// <summary>
/// Declares through POST /api/departments/{code}/cases/{caseId}/claims as the platform administrator: the only
/// department path in this branch. The request is signed and keyed as the machine API wants (the endpoint ignores
/// both), so switching is a new <see cref="IDepartmentChannel"/> for /machine/v1, not a new scenario.
/// TODO: a MachineDepartmentChannel for POST /machine/v1/cases/{caseId}/tax-claims once that API is merged.
/// </summary>
public sealed class AdminDepartmentChannel(ApiClient api, string platformToken, DepartmentSigning signing) : IDepartmentChannel
{
    public string Describe() => "POST /api/departments/{code}/cases/{caseId}/claims as the platform administrator (signed and keyed, not yet checked by the server)";

    public async Task<DepartmentAnswer> DeclareAsync(string department, string caseId, long principalFen, string idempotencyKey, CancellationToken cancellationToken)
    {
        var url = $"/api/departments/{department}/cases/{caseId}/claims";
        var body = JsonSerializer.SerializeToUtf8Bytes(new DepartmentClaimRequest(ClaimClass.SocialInsuranceAndTax, principalFen), ApiJson.Options);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        try
        {
            var (status, text, bytes) = await api.SendRawAsync(HttpMethod.Post, platformToken, url, content,
                signing.Headers(department, HttpMethod.Post, new Uri(api.Address, url), body, idempotencyKey), cancellationToken);
            if (status == HttpStatusCode.Created)
                return new DepartmentAnswer(Response.Ok(bytes), (string?)JsonNode.Parse(text)?["claimId"], false);
            var retryable = status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError;
            return new DepartmentAnswer(Response.Fail($"HTTP {(int)status}", bytes), null, retryable);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new DepartmentAnswer(Response.Fail(StatsCollector.Describe(e)), null, true);
        }
    }
}
