using System.Text.Json.Nodes;

namespace CaseGrains.Api.Tests;

/// <summary>Checks that a refusal is an RFC 9457 problem document with the status and an error for the field.</summary>
public static class ProblemAssert
{
    public static string Field(int expectedStatus, string field, (int Status, JsonObject? Problem) response)
    {
        var (status, problem) = response;
        Assert.True(expectedStatus == status, $"expected {expectedStatus}, got {status}: {problem?.ToJsonString()}");
        Assert.NotNull(problem);
        Assert.Equal(expectedStatus, (int?)problem!["status"]);
        var errors = problem["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"expected an error for '{field}' in {problem.ToJsonString()}");
        var reason = (string?)errors![field]![0];
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain(" at CaseGrains", problem.ToJsonString(), StringComparison.Ordinal);
        return reason!;
    }

    /// <summary>The same check on a raw answer: its status code and its body.</summary>
    public static string Names(System.Net.HttpStatusCode status, string body, System.Net.HttpStatusCode expected, string field) =>
        Field((int)expected, field, ((int)status, string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body) as JsonObject));
}
