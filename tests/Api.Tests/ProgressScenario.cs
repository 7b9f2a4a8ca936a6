using System.Text.Json.Nodes;
using CaseGrains.Cases;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>A case opened by its judge on a chosen acceptance day, with the calls its people make on its progress.</summary>
public sealed class ProgressScenario
{
    public required ServerHost Server { get; init; }
    public required string CaseId { get; init; }
    public required Person Judge { get; init; }
    public required Person Administrator { get; init; }

    public string Progress => $"/api/cases/{CaseId}/progress";

    public static async Task<ProgressScenario> OpenAsync(ServerHost server, string caseId, DateOnly acceptedOn, DateOnly? declarationDeadline = null,
        Procedure procedure = Procedure.Liquidation, string court = CaseScenario.DefaultCourt)
    {
        var judge = await server.People.JudgeAsync($"judge-{caseId}", court);
        var administrator = await server.People.AdministratorAsync($"admin-{caseId}");
        await judge.Http.PutOk<CaseView>($"/api/cases/{caseId}", new OpenCase($"(2026)粤03破{caseId}", court, $"{caseId} 有限公司", "91350100M000100Y43",
            procedure, judge.Username, administrator.Username, acceptedOn, declarationDeadline));
        return new ProgressScenario { Server = server, CaseId = caseId, Judge = judge, Administrator = administrator };
    }

    public Task<CaseProgressView> GetAsync(Person? who = null) => (who ?? Judge).Http.GetOk<CaseProgressView>(Progress);

    public Task<CaseProgressView> CompleteAsync(CaseNode node, string note) =>
        Administrator.Http.PostOk<CaseProgressView>($"{Progress}/{Name(node)}/complete", new CompleteStepRequest(note));

    public Task<(int Status, JsonObject? Problem)> TryCompleteAsync(CaseNode node, string note, Person? who = null) => TryCompleteAsync(Name(node), note, who);

    public Task<(int Status, JsonObject? Problem)> TryCompleteAsync(string node, string note, Person? who = null) =>
        (who ?? Administrator).Http.SendJson(HttpMethod.Post, $"{Progress}/{node}/complete", new CompleteStepRequest(note));

    public Task<CaseProgressView> SetDueAsync(CaseNode node, DateOnly dueOn, string? reason = null) =>
        Judge.Http.PutOk<CaseProgressView>($"{Progress}/{Name(node)}/due-date", new StepDueDateRequest(dueOn, reason));

    public Task<(int Status, JsonObject? Problem)> TrySetDueAsync(CaseNode node, DateOnly dueOn, Person? who = null) =>
        (who ?? Judge).Http.SendJson(HttpMethod.Put, $"{Progress}/{Name(node)}/due-date", new StepDueDateRequest(dueOn));

    public static string Name(CaseNode node) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(node.ToString());

    /// <summary>The case's ledger, oldest first: each entry's kind, actor and payload.</summary>
    public async Task<List<(string Kind, string Actor, JsonObject Data)>> LedgerAsync()
    {
        await using var command = Server.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            "select kind, entry from ledger_entry where case_id = $1 order by position");
        command.Parameters.Add(new() { Value = CaseId });
        var entries = new List<(string, string, JsonObject)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var entry = JsonNode.Parse((byte[])reader.GetValue(1))!;
            entries.Add((reader.GetString(0), (string)entry["actor"]!, entry["data"]!.AsObject()));
        }
        return entries;
    }
}
