using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using CaseGrains.Testing;
using CaseGrains.WebFront.Live;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Every endpoint in the OpenAPI document and every hub method, called as each kind of person and as an outsider,
/// is allowed or denied exactly as the table below says. An endpoint or hub method missing from the table fails.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RoleMatrixTests(PostgresServer postgres)
{
    private const string Anonymous = "anonymous";
    private const string Platform = "platform-admin";
    private const string JudgeA = "judge-a";
    private const string JudgeB = "judge-b (other court)";
    private const string AdminA = "admin-a";
    private const string AdminB = "admin-b (other case)";
    private const string CreditorA = "creditor-a";
    private const string CreditorB = "creditor-b (other case)";
    private static readonly string[] Everyone = [Anonymous, Platform, JudgeA, JudgeB, AdminA, AdminB, CreditorA, CreditorB];
    private static readonly string[] SignedIn = [Platform, JudgeA, JudgeB, AdminA, AdminB, CreditorA, CreditorB];
    private static readonly string[] CaseParticipants = [JudgeA, AdminA, CreditorA];

    /// <summary>Who gets past authorization, per endpoint ("METHOD /path/{template}"), with a body to send.</summary>
    private static readonly Dictionary<string, (string[] Allowed, string? Body)> Http = new()
    {
        // A sign-in with wrong credentials answers 401 by design; a body without a password shows authorization let it through.
        ["POST /api/auth/signin"] = (Everyone, """{"username":"nobody"}"""),
        ["POST /api/auth/token"] = (Everyone, """{"username":"nobody"}"""),
        ["POST /api/auth/signout"] = (SignedIn, null),
        ["GET /api/auth/me"] = (SignedIn, null),
        ["GET /api/auth/antiforgery"] = (Everyone, null),
        ["POST /api/auth/register"] = (Everyone, """{"code":"NOSUCHCODE","username":"newcomer","password":"long enough password"}"""),
        ["POST /api/accounts"] = ([Platform], """{"username":"x","role":"judge","displayName":"x","password":"short"}"""),
        ["POST /api/accounts/{username}/disable"] = ([Platform], null),
        ["POST /api/accounts/{username}/enable"] = ([Platform], null),
        ["POST /api/cases/{caseId}/invitations"] = ([AdminA], """{"creditorId":"cr-invited"}"""),
        ["GET /api/audit"] = ([JudgeA], null),
        ["PUT /api/cases/{caseId}"] = ([JudgeA], """{"caseNumber":"n","court":"深圳市中级人民法院","debtorName":"d","debtorCreditCode":"91350100M000100Y43","procedure":"liquidation","judgeId":"j","administratorId":"a","acceptedOn":"2026-03-01"}"""),
        ["GET /api/cases/{caseId}"] = (CaseParticipants, null),
        ["GET /api/public/cases/{caseId}"] = (Everyone, null),
        ["POST /api/cases/{caseId}/claims"] = ([AdminA, CreditorA], """{"creditorId":"case-a-cr0000","class":"ordinary","principalFen":100}"""),
        ["GET /api/cases/{caseId}/claims"] = (CaseParticipants, null),
        ["POST /api/cases/{caseId}/claims/{claimId}/review"] = ([AdminA], """{"decision":"confirm"}"""),
        ["PUT /api/creditors/{creditorId}"] = ([CreditorA], """{"name":"n","kind":"person","identityNumber":"11010519491231002X","phone":null}"""),
        ["GET /api/creditors/{creditorId}"] = ([JudgeA, JudgeB, AdminA, AdminB, CreditorA], null),
        ["PUT /api/departments/{code}"] = ([Platform], """{"name":"税务局","kind":"tax"}"""),
        ["GET /api/departments/{code}"] = ([Platform, JudgeA, JudgeB, AdminA, AdminB], null),
        ["POST /api/departments/{code}/cases/{caseId}/claims"] = ([Platform], """{"class":"socialInsuranceAndTax","principalFen":100}"""),
        ["PUT /api/cases/{caseId}/meetings/{meetingId}"] = ([AdminA], """{"title":"t","startsAt":"2026-12-01T09:00:00Z","agenda":[{"resolutionId":"r1","title":"t","kind":"ordinary"}]}"""),
        ["GET /api/meetings/{meetingId}"] = (CaseParticipants, null),
        ["POST /api/meetings/{meetingId}/checkins"] = ([CreditorA], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/open"] = ([AdminA], null),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/ballots"] = ([CreditorA], """{"choice":"for"}"""),
        ["POST /api/meetings/{meetingId}/resolutions/{resolutionId}/close"] = ([AdminA], null),
        ["GET /api/meetings/{meetingId}/resolutions/{resolutionId}/tally"] = (CaseParticipants, null),
    };

    /// <summary>Who may call each hub method (anonymous callers cannot even connect).</summary>
    private static readonly Dictionary<string, string[]> Hub = new()
    {
        [nameof(LiveHub.WatchCase)] = CaseParticipants,
        [nameof(LiveHub.WatchMeeting)] = CaseParticipants,
        [nameof(LiveHub.WatchMeetingAsStaff)] = [JudgeA, AdminA],
        [nameof(LiveHub.CheckIn)] = [CreditorA],
        [nameof(LiveHub.CastBallot)] = [CreditorA],
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
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                if (denied == allowed.Contains(role))
                    wrong.Add($"{operation} as {role}: {(int)response.StatusCode} but the table says {(allowed.Contains(role) ? "allowed" : "denied")}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static string Fill(string template, TwoCases cases) => template
        .Replace("{caseId}", cases.A.CaseId, StringComparison.Ordinal)
        .Replace("{meetingId}", cases.A.MeetingId, StringComparison.Ordinal)
        .Replace("{resolutionId}", "r1", StringComparison.Ordinal)
        .Replace("{claimId}", cases.ClaimOfA, StringComparison.Ordinal)
        .Replace("{creditorId}", cases.A.Creditors[0].CreditorId!, StringComparison.Ordinal)
        .Replace("{code}", "tax-sz", StringComparison.Ordinal)
        .Replace("{username}", "nobody-here", StringComparison.Ordinal);
}
