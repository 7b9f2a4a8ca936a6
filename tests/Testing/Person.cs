using System.Net.Http.Headers;

namespace CaseGrains.Testing;

/// <summary>A signed-in person: a bearer token and an HTTP client that sends it.</summary>
public sealed record Person(string Username, string Token, HttpClient Http, string? CreditorId = null, string? TotpSecret = null, string? Password = null)
{
    public static Person Create(Uri address, string username, string token, string? creditorId = null, string? totpSecret = null, string? password = null)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new Person(username, token, http, creditorId, totpSecret, password);
    }
}
