using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using CaseGrains.MachineApi.Signatures;

namespace CaseGrains.DepartmentClient;

/// <summary>
/// Calls the CaseGrains machine API as a source department: every request is signed with RFC 9421 hmac-sha256
/// (covering @method, @target-uri, content-digest and, for writes, idempotency-key; with created, nonce, keyid and
/// alg), and every write carries an Idempotency-Key so that it can be sent again after a lost answer.
/// </summary>
/// <param name="http">An HttpClient whose BaseAddress is the platform, e.g. https://casegrains.example.cn/.</param>
/// <param name="keyId">The key id the platform issued.</param>
/// <param name="secret">The secret the platform issued, decoded from base64url (<see cref="DecodeSecret"/>).</param>
public sealed class DepartmentApiClient(HttpClient http, string keyId, byte[] secret, TimeProvider? clock = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly TimeProvider clock = clock ?? TimeProvider.System;

    /// <summary>Makes each signature's nonce; it must never repeat for the key. 128 random bits by default.</summary>
    public Func<string> NewNonce { get; init; } = RequestSigner.NewNonce;

    public static byte[] DecodeSecret(string base64Url) => Base64Url.DecodeFromChars(base64Url);

    /// <summary>A new Idempotency-Key for a new request; keep it and send it again with every retry of that request.</summary>
    public static string NewIdempotencyKey() => Guid.NewGuid().ToString();

    /// <summary>Declares tax owed into a case. Retry with the same <paramref name="idempotencyKey"/> and the same declaration until an answer arrives.</summary>
    public Task<HttpResponseMessage> DeclareTaxClaimAsync(string caseId, TaxDeclaration declaration, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"machine/v1/cases/{Uri.EscapeDataString(caseId)}/tax-claims",
            JsonSerializer.SerializeToUtf8Bytes(declaration, Json), idempotencyKey, cancellationToken);

    /// <summary>
    /// Shares the department's full current snapshot of one catalogue resource (GET /api/sharing/catalogue lists them)
    /// into a case: <paramref name="records"/> are JSON objects with the resource's fields.
    /// </summary>
    public Task<HttpResponseMessage> ShareDataAsync(string caseId, string resource, IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        string? reference, string idempotencyKey, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"machine/v1/cases/{Uri.EscapeDataString(caseId)}/shared-data/{Uri.EscapeDataString(resource)}",
            JsonSerializer.SerializeToUtf8Bytes(new { records, reference }, Json), idempotencyKey, cancellationToken);

    /// <summary>The department's notices after <paramref name="after"/>; page on with the answer's "next".</summary>
    public Task<HttpResponseMessage> ReadFeedAsync(long after = 0, int limit = 100, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"machine/v1/feed?after={after}&limit={limit}", null, null, cancellationToken);

    public Task<HttpResponseMessage> GetClaimAsync(string caseId, string claimId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"machine/v1/cases/{Uri.EscapeDataString(caseId)}/claims/{Uri.EscapeDataString(claimId)}", null, null, cancellationToken);

    /// <summary>Signs and sends one request. The signature is made afresh (new created time, new nonce) on every call.</summary>
    /// <param name="idempotencyKey">The key as text (e.g. a UUID); sent as a structured-field string. Null sends none.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relativeUri, byte[]? body, string? idempotencyKey, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(http.BaseAddress ?? throw new InvalidOperationException("Set HttpClient.BaseAddress to the platform's address."), relativeUri);
        var content = body ?? [];
        var signed = RequestSigner.Sign(method.Method, uri, content, idempotencyKey is null ? null : StructuredFields.SerializeString(idempotencyKey),
            keyId, secret, clock.GetUtcNow(), NewNonce());

        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }
        foreach (var (name, value) in signed.ToHeaders()) request.Headers.TryAddWithoutValidation(name, value);
        return await http.SendAsync(request, cancellationToken);
    }
}

/// <summary>A tax declaration as the platform takes it.</summary>
/// <param name="Reference">The bureau's own number for the declaration; the platform refuses it a second time in one case.</param>
public sealed record TaxDeclaration(IReadOnlyList<TaxLine> Lines, string? Reference = null);

/// <summary>One line: <paramref name="Kind"/> is taxPrincipal, surcharge, lateFee, fine or specialAdjustmentInterest.</summary>
/// <param name="AccruedUntil">Up to which date a late fee or interest was computed: the acceptance date at the latest.</param>
public sealed record TaxLine(string Kind, string TaxType, string Period, long AmountFen, DateOnly? AccruedUntil = null);
