using System.Text.Json.Nodes;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>Every meeting operation is in the OpenAPI document.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MeetingOpenApiTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_openapi_document_lists_every_meeting_operation()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());

        var document = JsonNode.Parse(await server.Http.GetStringAsync("/openapi/v1.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (string?)op.Value!["operationId"]))
            .ToHashSet();

        Assert.Superset(new HashSet<string?>
        {
            "ScheduleMeeting", "GetMeeting", "CheckIn", "OpenVoting", "CastBallot", "CloseVoting", "GetTally",
            "SetProvisionalAmount", "WaivePriority", "RegisterShareholder", "RecordProxy", "ListProxies",
            "CastProxyBallots", "EnterPaperBallot", "GetOwnBallot", "OpenClassRevote", "GetMeetingMinutes", "GetMeetingForCreditors",
        }, operations);
    }
}
