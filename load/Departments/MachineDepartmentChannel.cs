using System.Net;
using System.Text.Json.Nodes;
using CaseGrains.DepartmentClient;
using CaseGrains.Load.Engine;

namespace CaseGrains.Load.Departments;

/// <summary>
/// Declares through the signed machine API (POST /machine/v1/cases/{caseId}/tax-claims) with each department's own
/// issued key, signed by the reference client exactly as an integrator's system would sign it.
/// </summary>
public sealed class MachineDepartmentChannel(IReadOnlyDictionary<string, DepartmentApiClient> clients) : IDepartmentChannel
{
    public string Describe() => "POST /machine/v1/cases/{caseId}/tax-claims, RFC 9421 signed with each department's issued key, Idempotency-Key per declaration";

    public async Task<DepartmentAnswer> DeclareAsync(string department, string caseId, long principalFen, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await clients[department].DeclareTaxClaimAsync(caseId,
                new TaxDeclaration([new TaxLine("taxPrincipal", "增值税", "2025-12", principalFen)]), idempotencyKey, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
                return new DepartmentAnswer(Response.Ok(bytes.Length), (string?)JsonNode.Parse(bytes)?["priorityClaim"]?["claimId"], false);
            // 409: the first request with this key is still running; the same key later gets its answer.
            var retryable = response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
                or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError;
            return new DepartmentAnswer(Response.Fail($"HTTP {(int)response.StatusCode}", bytes.Length), null, retryable);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new DepartmentAnswer(Response.Fail(StatsCollector.Describe(e)), null, true);
        }
    }
}
