using System.Net.Http.Json;
using System.Text.Json;
using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

/// <summary>The witness endpoints of a CaseGrains server, for one case and one witness. A failed request is an
/// <see cref="InputException"/>: the check could not run, which is not the same as refusing.</summary>
internal sealed class WitnessClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly HttpClient http;
    private readonly string basePath;

    public WitnessClient(Uri server, string caseId, string witness)
    {
        http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        basePath = $"/api/cases/{Uri.EscapeDataString(caseId)}/ledger/witnesses/{Uri.EscapeDataString(witness)}/";
    }

    public Task<WitnessCheckpointResponse> GetCheckpointAsync(long? from, CancellationToken cancellationToken) =>
        SendAsync<WitnessCheckpointResponse>(HttpMethod.Get, "checkpoint" + (from is { } size ? $"?from={size}" : ""), null, cancellationToken);

    public Task<CheckpointResponse> PostCosignatureAsync(long treeSize, string cosignature, CancellationToken cancellationToken) =>
        SendAsync<CheckpointResponse>(HttpMethod.Post, "cosignatures", new { treeSize, cosignature }, cancellationToken);

    public Task<CheckpointResponse> PostRefusalAsync(long treeSize, string reason, string signature, CancellationToken cancellationToken) =>
        SendAsync<CheckpointResponse>(HttpMethod.Post, "refusals", new { treeSize, reason, signature }, cancellationToken);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, basePath + path);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new InputException($"{method} {request.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw new InputException($"{method} {request.RequestUri} answered with an empty body");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new InputException($"{method} {new Uri(http.BaseAddress!, request.RequestUri!)} failed: {e.Message}", e);
        }
    }

    public void Dispose() => http.Dispose();
}
