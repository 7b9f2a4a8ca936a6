using System.Text.Json.Nodes;
using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A case with a meeting on a real server and its own database, driven through the public API, with a look at the
/// stored rows for the checks that must not trust the server's own answers.
/// </summary>
public sealed class MeetingScenario : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        // Scheduled windows close within a fifth of a second of their time.
        ["Grains:ReminderQuantum"] = "00:00:00.200",
    };

    private MeetingScenario(string database, ServerHost server, string caseId)
    {
        Database = database;
        Server = server;
        Case = new CaseScenario(server.Http, caseId);
    }

    public string Database { get; }
    public ServerHost Server { get; private set; }
    public CaseScenario Case { get; private set; }
    public HttpClient Http => Server.Http;
    public string CaseId => Case.CaseId;
    public string MeetingId => Case.MeetingId;
    public string Meeting => $"/api/meetings/{MeetingId}";
    public const string Judge = CaseScenario.Judge;
    public const string Administrator = CaseScenario.Administrator;

    public static async Task<MeetingScenario> StartAsync(PostgresServer postgres, string caseId)
    {
        var database = await postgres.CreateDatabaseAsync();
        var scenario = new MeetingScenario(database, await ServerHost.StartAsync(database, Settings), caseId);
        await scenario.Case.OpenAsync();
        return scenario;
    }

    /// <summary>Stops this server and starts another on the same database: everything in memory is gone.</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await ServerHost.StartAsync(Database, Settings);
        Case = new CaseScenario(Server.Http, CaseId);
    }

    public async Task<ClaimView> DeclareAsync(string creditorId, long principalFen, ClaimClass claimClass = ClaimClass.Ordinary, long securedFen = 0,
        bool confirm = true)
    {
        var claim = await Http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims", new DeclareClaimRequest(creditorId, claimClass, principalFen,
            SecuredFen: securedFen, Collateral: securedFen > 0 ? "厂房抵押" : null));
        return confirm ? await Case.ConfirmAsync(claim.ClaimId) : claim;
    }

    /// <summary>Creditors 0..count-1 (<see cref="CaseScenario.CreditorOf"/>) declare ordinary claims of <see cref="CaseScenario.ClaimOf"/>, confirmed.</summary>
    public async Task DeclareCreditorsAsync(int count) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => await DeclareAsync(CaseScenario.CreditorOf(i), CaseScenario.ClaimOf(i)));

    public Task<MeetingView> ScheduleAsync(TallyVisibility visibility, params ResolutionDraft[] agenda) =>
        Http.PutOk<MeetingView>(Meeting, new ScheduleMeetingRequest(CaseId, "第一次债权人会议", DateTimeOffset.UtcNow, agenda, Administrator,
            VotingRuleSet.PrcEbl, visibility));

    public Task<ResolutionView> OpenAsync(string resolutionId, DateTimeOffset? closesAt = null) =>
        Http.PostOk<ResolutionView>($"{Meeting}/resolutions/{resolutionId}/open", new OpenVotingRequest(Administrator, closesAt));

    public Task<ResolutionView> CloseAsync(string resolutionId) =>
        Http.PostOk<ResolutionView>($"{Meeting}/resolutions/{resolutionId}/close", new ActorRequest(Administrator));

    public Task<TallyView> TallyAsync(string resolutionId) => Http.GetOk<TallyView>($"{Meeting}/resolutions/{resolutionId}/tally");

    public Task<BallotAck> VoteAsync(string resolutionId, string creditorId, VoteChoice choice) =>
        Http.PostOk<BallotAck>($"{Meeting}/resolutions/{resolutionId}/ballots", new BallotRequest(creditorId, choice));

    /// <summary>Posts a command that answers 204 No Content, failing with the problem document otherwise.</summary>
    public async Task PostAsync(string url, object body)
    {
        var (status, problem) = await Http.SendJson(HttpMethod.Post, url, body);
        Assert.True(status == 204, $"{url}: {status} {problem?.ToJsonString()}");
    }

    /// <summary>The ballots as stored, read straight from PostgreSQL, in commit order.</summary>
    public async Task<List<StoredBallot>> StoredBallotsAsync()
    {
        var ballots = new List<StoredBallot>();
        foreach (var row in await StoredFactsAsync())
        {
            if ((string?)row.Data["fact"] != "vote.cast") continue;
            var d = row.Data;
            ballots.Add(new StoredBallot(row.Seq, (string)d["resolutionId"]!, (string)d["creditorId"]!, Enum.Parse<VoteChoice>((string)d["choice"]!),
                (long)d["ballotNumber"]!, (int?)d["round"] ?? 0, Enum.Parse<BallotChannel>((string?)d["channel"] ?? "Online"), (string)d["actor"]!,
                (string?)d["scanSha256"], (string)d["salt"]!, row.LedgerPosition, row.Transaction));
        }
        return ballots;
    }

    /// <summary>Every stored fact of the meeting with its ledger position and the transaction that wrote it.</summary>
    public async Task<List<StoredFact>> StoredFactsAsync()
    {
        await using var connection = new NpgsqlConnection(Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select seq, data::text, ledger_position, xmin::text from grain_fact where grain_type = 'meeting' and grain_key = $1 order by seq", connection);
        command.Parameters.Add(new() { Value = MeetingId });
        var rows = new List<StoredFact>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(new StoredFact(reader.GetInt64(0), JsonNode.Parse(reader.GetString(1))!.AsObject(),
                reader.IsDBNull(2) ? null : reader.GetInt64(2), reader.GetString(3)));
        return rows;
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}

public sealed record StoredFact(long Seq, JsonObject Data, long? LedgerPosition, string Transaction);

public sealed record StoredBallot(long Seq, string ResolutionId, string CreditorId, VoteChoice Choice, long BallotNumber, int Round,
    BallotChannel Channel, string Actor, string? ScanSha256, string Salt, long? LedgerPosition, string Transaction);
