using System.Net.Http.Headers;

namespace CaseGrains.Testing;

/// <summary>A signed-in person: a bearer token and an HTTP client that sends it.</summary>
public sealed record Person(string Username, string Token, HttpClient Http, string? CreditorId = null, string? TotpSecret = null, string? Password = null)
{
    public static Person Create(Uri address, string username, string token, string? creditorId = null, string? totpSecret = null, string? password = null) =>
        new(username, token, SignedInClient(address, token), creditorId, totpSecret, password);

    /// <summary>The same person, still signed in with the same session, talking to a restarted server (sessions and token keys live in the database).</summary>
    public Person On(ServerHost restarted) => this with { Http = SignedInClient(restarted.Address, Token) };

    /// <summary>An HTTP client for <paramref name="address"/> that sends the session's bearer token.</summary>
    public static HttpClient SignedInClient(Uri address, string token)
    {
        var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
