using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.WebFront;

namespace CaseGrains.Testing;

/// <summary>HTTP calls in the API's own JSON form, failing loudly with the server's problem details.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WebFrontExtensions.ConfigureJson(options);
        return options;
    }

    public static async Task<T> PutOk<T>(this HttpClient http, string url, object body) =>
        await Read<T>(await http.PutAsJsonAsync(url, body, Options));

    public static async Task<T> PostOk<T>(this HttpClient http, string url, object body) =>
        await Read<T>(await http.PostAsJsonAsync(url, body, Options));

    public static async Task<T> GetOk<T>(this HttpClient http, string url) => await Read<T>(await http.GetAsync(url));

    /// <summary>Sends raw text as JSON (for malformed bodies) and returns the status and the problem document.</summary>
    public static async Task<(int Status, JsonObject? Problem)> SendRaw(this HttpClient http, HttpMethod method, string url, string? json)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        // A large body waits for the server's go-ahead, as careful clients do, so a refusal (413) can be read.
        if (json?.Length > 64 * 1024) request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonNode.Parse(text)!.AsObject() : null);
    }

    public static Task<(int Status, JsonObject? Problem)> SendJson(this HttpClient http, HttpMethod method, string url, object body) =>
        http.SendRaw(method, url, JsonSerializer.Serialize(body, Options));

    private static async Task<T> Read<T>(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
            return (await response.Content.ReadFromJsonAsync<T>(Options))!;
        }
    }
}
