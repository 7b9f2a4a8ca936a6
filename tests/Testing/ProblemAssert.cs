using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace CaseGrains.Testing;

/// <summary>Checks on refusals: RFC 9457 problem documents as the API writes them.</summary>
public static class ProblemAssert
{
    /// <summary>
    /// A refusal by a rule: a problem with the status, a reason for <paramref name="field"/> (containing
    /// <paramref name="reasonContains"/> when given) and no stack trace. Returns the reason.
    /// </summary>
    public static string Field(int expectedStatus, string field, (int Status, JsonObject? Problem) response, string? reasonContains = null)
    {
        var (status, problem) = response;
        Assert.True(expectedStatus == status, $"expected {expectedStatus}, got {status}: {problem?.ToJsonString()}");
        Assert.NotNull(problem);
        Assert.Equal(expectedStatus, (int?)problem!["status"]);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"expected an error for '{field}' in {problem.ToJsonString()}");
        var reason = (string?)errors![field]![0];
        Assert.False(string.IsNullOrWhiteSpace(reason));
        if (reasonContains is not null) Assert.Contains(reasonContains, reason, StringComparison.Ordinal);
        Assert.DoesNotContain(" at CaseGrains", problem.ToJsonString(), StringComparison.Ordinal);
        return reason!;
    }

    /// <summary>The same check on a raw answer: its status code and its body.</summary>
    public static string Names(HttpStatusCode status, string body, HttpStatusCode expected, string field, string? reasonContains = null) =>
        Field((int)expected, field, ((int)status, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body) as JsonObject), reasonContains);

    /// <summary>The same check on a response not yet read.</summary>
    public static async Task<string> NamesAsync(HttpResponseMessage response, HttpStatusCode expected, string field, string? reasonContains = null) =>
        Names(response.StatusCode, await response.Content.ReadAsStringAsync(), expected, field, reasonContains);

    /// <summary>
    /// A refusal by policy: the signed-in person plays no part that allows this, so the request is refused before any
    /// rule is looked at and no field is named.
    /// </summary>
    public static void ByPolicy((int Status, JsonObject? Problem) response)
    {
        var (status, problem) = response;
        Assert.True(status == 403, $"expected 403, got {status}: {problem?.ToJsonString()}");
        Assert.True(problem?["errors"] is null, $"a refusal by policy names no field: {problem?.ToJsonString()}");
    }
}
