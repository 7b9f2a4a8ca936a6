using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using CaseGrains.Testing;
using CaseGrains.WebFront.Live;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Every endpoint in the OpenAPI document and every hub method, called as each kind of person and as an outsider,
/// is allowed or denied exactly as the table below says. An endpoint or hub method missing from the table fails.
/// For HTTP, a role the table leaves out must be refused by the endpoint's policy: a refusal by a rule behind it
/// (a 403 naming a field) does not count, so that a policy too open for the endpoint shows here.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RoleMatrixTests(PostgresServer postgres)
{
    private const string Anonymous = EndpointTable.Anonymous;
    private const string Platform = EndpointTable.Platform;
    private const string JudgeA = EndpointTable.JudgeA;
    private const string JudgeB = EndpointTable.JudgeB;
    private const string AdminA = EndpointTable.AdminA;
    private const string AdminB = EndpointTable.AdminB;
    private const string CreditorA = EndpointTable.CreditorA;
    private const string CreditorB = EndpointTable.CreditorB;
    private static readonly string[] CaseParticipants = EndpointTable.CaseParticipants;
    private static Dictionary<string, (string[] Allowed, string? Body)> Http => EndpointTable.Http;

    /// <summary>Who may call each hub method (anonymous callers cannot even connect).</summary>
    private static readonly Dictionary<string, string[]> Hub = new()
    {
        [nameof(LiveHub.WatchCase)] = CaseParticipants,
        [nameof(LiveHub.WatchMeeting)] = CaseParticipants,
        [nameof(LiveHub.WatchMeetingAsStaff)] = [JudgeA, AdminA],
        [nameof(LiveHub.CheckIn)] = [CreditorA],
        [nameof(LiveHub.CastBallot)] = [CreditorA],
        [nameof(LiveHub.WatchMyResults)] = [CreditorA, CreditorB],
        // Disabled outside load tests: refused as not found, never as not allowed.
        [nameof(LiveHub.Ping)] = EndpointTable.SignedIn,
    };

    [Fact]
    public async Task Every_endpoint_and_hub_method_allows_exactly_the_roles_in_the_table()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var cases = await TwoCases.CreateAsync(server);
        var people = new Dictionary<string, Person?>
        {
            [Anonymous] = null,
            [Platform] = cases.PlatformAdmin,
            [JudgeA] = cases.A.Judge,
            [JudgeB] = cases.B.Judge,
            [AdminA] = cases.A.Administrator,
            [AdminB] = cases.B.Administrator,
            [CreditorA] = cases.A.Creditors[0],
            [CreditorB] = cases.B.Creditors[0],
        };

        var document = JsonNode.Parse(await server.People.Anonymous.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => $"{op.Key.ToUpperInvariant()} {path.Key}"))
            .ToList();
        var unlisted = operations.Where(o => !Http.ContainsKey(o)).ToList();
        Assert.True(unlisted.Count == 0, "endpoints missing from the role table: " + string.Join(", ", unlisted));
        var gone = Http.Keys.Where(k => !operations.Contains(k)).ToList();
        Assert.True(gone.Count == 0, "the role table lists endpoints that do not exist: " + string.Join(", ", gone));

        var wrong = new List<string>();
        var hubMethods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not (nameof(LiveHub.OnConnectedAsync) or nameof(LiveHub.OnDisconnectedAsync)))
            .Select(m => m.Name).ToList();
        var unlistedHub = hubMethods.Where(m => !Hub.ContainsKey(m)).ToList();
        Assert.True(unlistedHub.Count == 0, "hub methods missing from the role table: " + string.Join(", ", unlistedHub));
        await Assert.ThrowsAnyAsync<Exception>(() => server.Hub().ConnectAsync());
        foreach (var (role, person) in people.Where(p => p.Value is not null))
        {
            await using var hub = await server.ConnectHubAsync(person!);
            foreach (var method in hubMethods)
            {
                object?[] arguments = method switch
                {
                    nameof(LiveHub.WatchCase) => [cases.A.CaseId],
                    nameof(LiveHub.CastBallot) => [cases.A.MeetingId, "r1", "against"],
                    nameof(LiveHub.WatchMyResults) => [],
                    nameof(LiveHub.Ping) => [],
                    _ => [cases.A.MeetingId],
                };
                string? refusal = null;
                try
                {
                    await hub.InvokeAsync(method, arguments);
                }
                catch (HubException e)
                {
                    refusal = e.Message;
                }
                var denied = refusal?.Contains("HubException: notAllowed:", StringComparison.Ordinal) == true;
                if (denied == Hub[method].Contains(role))
                    wrong.Add($"hub {method} as {role}: {refusal ?? "ok"} but the table says {(Hub[method].Contains(role) ? "allowed" : "denied")}");
            }
        }

        // Signing out ends the caller's session, so it goes last.
        foreach (var operation in operations.OrderBy(o => o == "POST /api/auth/signout"))
        {
            var (allowed, body) = Http[operation];
            var parts = operation.Split(' ', 2);
            var url = Fill(parts[1], cases) + (operation == "GET /api/audit" ? $"?caseId={cases.A.CaseId}" : "");
            foreach (var (role, person) in people)
            {
                using var request = new HttpRequestMessage(new HttpMethod(parts[0]), url);
                if (parts[0] != "GET") request.Content = new StringContent(body ?? "{}", System.Text.Encoding.UTF8, "application/json");
                var client = person?.Http ?? server.People.Anonymous;
                using var response = await client.SendAsync(request);
                var (outcome, errors) = await OutcomeOf(response);
                if (allowed.Contains(role) ? outcome == Outcome.DeniedByPolicy : outcome != Outcome.DeniedByPolicy)
                    wrong.Add($"{operation} as {role}: {(int)response.StatusCode} {Describe(outcome)}{errors} but the table says "
                        + (allowed.Contains(role) ? "it gets past authorization" : "the policy refuses it"));
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private enum Outcome { DeniedByPolicy, RefusedByDomain, Passed }

    /// <summary>
    /// A 401, or a 403 from authorization (the status-code page's problem: no <c>errors</c>), is the policy refusing.
    /// A 403 whose problem names a field in <c>errors</c> is a <c>RuleViolationException.NotAllowed</c> from behind the
    /// policy: the caller got past authorization and the domain said no, which must not stand in for a policy that is
    /// too open.
    /// </summary>
    private static async Task<(Outcome Outcome, string Errors)> OutcomeOf(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized) return (Outcome.DeniedByPolicy, "");
        if (response.StatusCode != HttpStatusCode.Forbidden) return (Outcome.Passed, "");
        var text = await response.Content.ReadAsStringAsync();
        var problem = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        return problem?["errors"] is JsonObject { Count: > 0 } errors
            ? (Outcome.RefusedByDomain, " " + errors.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            : (Outcome.DeniedByPolicy, "");
    }

    private static string Describe(Outcome outcome) => outcome switch
    {
        Outcome.DeniedByPolicy => "(refused by the policy)",
        Outcome.RefusedByDomain => "(past the policy, refused by the domain)",
        _ => "(past the policy)",
    };

    internal static string Fill(string template, TwoCases cases) => template
        .Replace("{caseId}", cases.A.CaseId, StringComparison.Ordinal)
        .Replace("{meetingId}", cases.A.MeetingId, StringComparison.Ordinal)
        .Replace("{resolutionId}", "r1", StringComparison.Ordinal)
        .Replace("{claimId}", cases.ClaimOfA, StringComparison.Ordinal)
        .Replace("{creditorId}", cases.A.Creditors[0].CreditorId!, StringComparison.Ordinal)
        .Replace("{code}", "tax-sz", StringComparison.Ordinal)
        .Replace("{username}", "nobody-here", StringComparison.Ordinal)
        .Replace("{treeSize}", "1", StringComparison.Ordinal)
        .Replace("{position}", "0", StringComparison.Ordinal)
        .Replace("{witness}", "court-sz", StringComparison.Ordinal)
        .Replace("{evidenceId}", "ev-none", StringComparison.Ordinal)
        .Replace("{keyId}", "no-such-key", StringComparison.Ordinal)
        .Replace("{resource}", "real-estate", StringComparison.Ordinal)
        .Replace("{transferId}", "T00001", StringComparison.Ordinal)
        .Replace("{node}", "announcement", StringComparison.Ordinal);
}
