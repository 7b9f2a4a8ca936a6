using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CaseGrains.Security.Totp;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Load.Seeding;

/// <summary>
/// HTTP calls as many people over one small pool of connections: each request carries its own bearer token, so
/// thousands of signed-in creditors do not hold thousands of sockets (the WebSockets need them).
/// </summary>
public sealed class ApiClient(Uri address, int maxConnections = 64) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(120),
    };

    public Uri Address => address;

    public Task<T> GetAsync<T>(string? token, string url) => SendAsync<T>(HttpMethod.Get, token, url, null);

    public Task<T> PostAsync<T>(string? token, string url, object body) => SendAsync<T>(HttpMethod.Post, token, url, body);

    public Task<T> PutAsync<T>(string? token, string url, object body) => SendAsync<T>(HttpMethod.Put, token, url, body);

    /// <summary>Sends and returns the status and body, whatever the status (for measured calls that may fail).</summary>
    public async Task<(HttpStatusCode Status, string Body, long Bytes)> SendRawAsync(HttpMethod method, string? token, string url, object? body,
        IEnumerable<KeyValuePair<string, string>>? headers = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: ApiJson.Options);
        foreach (var (name, value) in headers ?? []) request.Headers.TryAddWithoutValidation(name, value);
        long sent = 0;
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            sent = request.Content.Headers.ContentLength ?? 0;
        }
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return (response.StatusCode, text, sent + System.Text.Encoding.UTF8.GetByteCount(text));
    }

    /// <summary>Signs in for a bearer token; with a TOTP secret, the current code goes along.</summary>
    public async Task<string> SignInAsync(string username, string password, string? totpSecret)
    {
        var code = totpSecret is null ? null : TotpGenerator.Code(Base32.Decode(totpSecret), DateTimeOffset.UtcNow);
        var node = await PostAsync<JsonObject>(null, "/api/auth/token", new SignInRequest(username, password, code));
        return (string)node["accessToken"]!;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string? token, string url, object? body)
    {
        var (status, text, _) = await SendRawAsync(method, token, url, body);
        if ((int)status >= 300) throw new HttpRequestException($"{method} {url}: {(int)status} {text}", null, status);
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, ApiJson.Options)!;
    }

    public void Dispose() => http.Dispose();
}
