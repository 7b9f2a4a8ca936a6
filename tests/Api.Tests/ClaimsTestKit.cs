using System.Text.Json.Nodes;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>What the claim and machine API tests share now that every call is made by a signed-in person.</summary>
public static class ClaimsTestKit
{
    /// <summary>A court other than <see cref="CaseScenario.DefaultCourt"/>: its judges have no part in the default court's cases.</summary>
    public const string OtherCourt = "广州市中级人民法院";

    /// <summary>
    /// A refusal by policy: the signed-in person plays no part in the case that allows this, so the request is refused
    /// before any rule of the claim is looked at and no field is named.
    /// </summary>
    public static void AssertForbidden(int status, JsonObject? problem)
    {
        Assert.True(status == 403, $"expected 403, got {status}: {problem?.ToJsonString()}");
        Assert.True(problem?["errors"] is null, $"a refusal by policy names no field: {problem?.ToJsonString()}");
    }

    /// <summary>A refusal by a rule of the domain: a problem with the status and a reason for <paramref name="field"/>.</summary>
    public static void AssertProblem(int expectedStatus, string field, int status, JsonObject? problem, string? reasonContains = null)
    {
        Assert.True(expectedStatus == status, $"expected {expectedStatus}, got {status}: {problem?.ToJsonString()}");
        var errors = problem?["errors"]?.AsObject();
        Assert.True(errors is not null && errors.ContainsKey(field), $"expected an error for '{field}' in {problem?.ToJsonString()}");
        var reason = (string?)errors![field]![0];
        Assert.False(string.IsNullOrWhiteSpace(reason));
        if (reasonContains is not null) Assert.Contains(reasonContains, reason, StringComparison.Ordinal);
    }

    /// <summary>The same person, still signed in, talking to a restarted server (sessions are kept in the database).</summary>
    public static Person On(this Person person, ServerHost server) =>
        Person.Create(server.Address, person.Username, person.Token, person.CreditorId, person.TotpSecret, person.Password);
}
