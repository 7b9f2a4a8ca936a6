using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A case with a meeting on a real server and its own database, driven through the public API by the people whose
/// step it is (the case's judge and administrator, creditors signed in on invitation), with a look at the stored rows
/// for the checks that must not trust the server's own answers.
/// </summary>
public sealed class MeetingScenario : IAsyncDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        // Scheduled windows close within a fifth of a second of their time.
        ["Grains:ReminderQuantum"] = "00:00:00.200",
    };

    private readonly CaseScenario @case;
    private readonly ConcurrentDictionary<string, Person> creditors = new(StringComparer.Ordinal);

    private MeetingScenario(string database, ServerHost server, string caseId)
    {
        Database = database;
        Server = server;
        @case = new CaseScenario(server, caseId);
    }

    public string Database { get; }
    public ServerHost Server { get; private set; }
    public string CaseId => @case.CaseId;
    public string Court => @case.Court;
    public string MeetingId => @case.MeetingId;
    public string Meeting => $"/api/meetings/{MeetingId}";
    /// <summary>The judge of the case's court who opened it.</summary>
    public Person Judge { get; private set; } = null!;
    /// <summary>The case's administrator, who convenes and runs the meeting.</summary>
    public Person Administrator { get; private set; } = null!;

    public string CreditorOf(int creditor) => @case.CreditorOf(creditor);

    public static async Task<MeetingScenario> StartAsync(PostgresServer postgres, string caseId, IDictionary<string, string?>? settings = null)
    {
        var database = await postgres.CreateDatabaseAsync();
        var all = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var scenario = new MeetingScenario(database, await ServerHost.StartAsync(database, all), caseId);
        await scenario.@case.OpenAsync();
        scenario.Judge = scenario.@case.Judge;
        scenario.Administrator = scenario.@case.Administrator;
        return scenario;
    }

    /// <summary>
    /// Stops this server and starts another on the same database: everything in memory is gone; everyone stays signed
    /// in (sessions are kept in the database).
    /// </summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await ServerHost.StartAsync(Database, Settings);
        Judge = Judge.On(Server);
        Administrator = Administrator.On(Server);
        foreach (var (id, person) in creditors) creditors[id] = person.On(Server);
    }

    /// <summary>The administrator invites <paramref name="creditorId"/> into the case; it registers and signs in (once).</summary>
    public async Task<Person> SignInCreditorAsync(string creditorId)
    {
        if (creditors.TryGetValue(creditorId, out var known)) return known;
        var person = await Server.People.CreditorAsync(Administrator, CaseId, creditorId);
        return creditors.GetOrAdd(creditorId, person);
    }

    public async Task<List<Person>> SignInCreditorsAsync(IEnumerable<string> creditorIds)
    {
        var ids = creditorIds.ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) => await SignInCreditorAsync(id));
        return ids.Select(Creditor).ToList();
    }

    /// <summary>A creditor signed in earlier with <see cref="SignInCreditorAsync"/>.</summary>
    public Person Creditor(string creditorId) =>
        creditors.TryGetValue(creditorId, out var person) ? person : throw new InvalidOperationException($"{creditorId} has not signed in");

    /// <summary>The administrator declares a claim for <paramref name="creditorId"/> (as one filed on paper) and, unless told not to, confirms it.</summary>
    public async Task<ClaimView> DeclareAsync(string creditorId, long principalFen, ClaimClass claimClass = ClaimClass.Ordinary, long securedFen = 0,
        bool confirm = true)
    {
        var claim = await Administrator.Http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims", new DeclareClaimRequest(creditorId, claimClass, principalFen,
            SecuredFen: securedFen, Collateral: securedFen > 0 ? "厂房抵押" : null));
        if (!confirm) return claim;
        await Administrator.Http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims/{claim.ClaimId}/review-start", new { });
        return await Administrator.Http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims/{claim.ClaimId}/review", new ReviewClaimRequest(ClaimDecision.Confirm));
    }

    /// <summary>Creditors 0..count-1 (<see cref="CreditorOf"/>) have ordinary claims of <see cref="CaseScenario.ClaimOf"/>, confirmed.</summary>
    public async Task DeclareCreditorsAsync(int count) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => await DeclareAsync(CreditorOf(i), CaseScenario.ClaimOf(i)));

    public Task<MeetingView> ScheduleAsync(TallyVisibility visibility, params ResolutionDraft[] agenda) =>
        Administrator.Http.PutOk<MeetingView>($"/api/cases/{CaseId}/meetings/{MeetingId}", new ScheduleMeetingRequest("第一次债权人会议", DateTimeOffset.UtcNow,
            agenda, VotingRuleSet.PrcEbl, visibility));

    public Task<ResolutionView> OpenAsync(string resolutionId, DateTimeOffset? closesAt = null) =>
        Administrator.Http.PostOk<ResolutionView>($"{Meeting}/resolutions/{resolutionId}/open", new OpenVotingRequest(closesAt));

    public Task<ResolutionView> CloseAsync(string resolutionId) =>
        Administrator.Http.PostOk<ResolutionView>($"{Meeting}/resolutions/{resolutionId}/close", new { });

    /// <summary>The tally as staff see it.</summary>
    public Task<TallyView> TallyAsync(string resolutionId) => Administrator.Http.GetOk<TallyView>($"{Meeting}/resolutions/{resolutionId}/tally");

    /// <summary>The signed-in creditor <paramref name="creditorId"/> votes over HTTP.</summary>
    public Task<BallotAck> VoteAsync(string resolutionId, string creditorId, VoteChoice choice) =>
        Creditor(creditorId).Http.PostOk<BallotAck>($"{Meeting}/resolutions/{resolutionId}/ballots", new BallotRequest(choice));

    /// <summary><paramref name="by"/> posts a command that answers 204 No Content, failing with the problem document otherwise.</summary>
    public static async Task PostAsync(Person by, string url, object body)
    {
        var (status, problem) = await by.Http.SendJson(HttpMethod.Post, url, body);
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
