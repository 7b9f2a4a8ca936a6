using System.Text.Json;
using Npgsql;

namespace CaseGrains.Load.Voting;

/// <summary>
/// A meeting's ballots, check-ins and voting roll as stored in its grain_fact rows, read straight from PostgreSQL and
/// counted here without the domain code, so that the recount is independent of the tally it checks.
/// </summary>
public sealed class StoredVotes
{
    private StoredVotes(Dictionary<(string Creditor, long Number), StoredBallot> ballots, Dictionary<string, long> weights, HashSet<string> checkedIn,
        IReadOnlyList<int> ballotsPerTransaction)
    {
        Ballots = ballots;
        Weights = weights;
        CheckedIn = checkedIn;
        BallotsPerTransaction = ballotsPerTransaction;
    }

    /// <summary>
    /// How many ballots each transaction stored, in commit order: rows of one transaction share recorded_at (now() is
    /// the transaction's start), so this shows the group commit at work (and the baseline's one ballot per transaction).
    /// </summary>
    public IReadOnlyList<int> BallotsPerTransaction { get; }

    /// <summary>Every stored ballot on the resolution, by creditor and ballot number.</summary>
    public IReadOnlyDictionary<(string Creditor, long Number), StoredBallot> Ballots { get; }

    /// <summary>Each voter's unsecured amount on the roll the vote opened with.</summary>
    public IReadOnlyDictionary<string, long> Weights { get; }

    public IReadOnlySet<string> CheckedIn { get; }

    public static async Task<StoredVotes> ReadAsync(string connectionString, string meetingId, string resolutionId, CancellationToken cancellationToken = default)
    {
        var ballots = new Dictionary<(string, long), StoredBallot>();
        var weights = new Dictionary<string, long>(StringComparer.Ordinal);
        var checkedIn = new HashSet<string>(StringComparer.Ordinal);
        var transactions = new List<int>();
        DateTime? transaction = null;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "select data::text, ledger_position, recorded_at from grain_fact where grain_type = 'meeting' and grain_key = $1 order by seq", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = meetingId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var document = JsonDocument.Parse(reader.GetString(0));
            var data = document.RootElement;
            var position = reader.IsDBNull(1) ? -1 : reader.GetInt64(1);
            switch (Text(data, "fact"))
            {
                case "voting.opened" when Text(data, "resolutionId") == resolutionId:
                    foreach (var voter in Property(data, "roll").EnumerateArray())
                    {
                        long amount = 0;
                        foreach (var claim in Property(voter, "claims").EnumerateArray())
                            amount += Property(claim, "amountFen").GetInt64() - Property(claim, "securedFen").GetInt64();
                        weights[Text(voter, "creditorId")!] = amount;
                    }
                    break;
                case "meeting.checkin":
                    checkedIn.Add(Text(data, "creditorId")!);
                    break;
                case "vote.cast" when Text(data, "resolutionId") == resolutionId:
                    var creditor = Text(data, "creditorId")!;
                    var number = Property(data, "ballotNumber").GetInt64();
                    var choice = Enum.Parse<Meetings.Voting.VoteChoice>(Text(data, "choice")!, ignoreCase: true);
                    var recordedAt = reader.GetDateTime(2);
                    if (!ballots.TryAdd((creditor, number), new StoredBallot(creditor, number, choice, position, recordedAt)))
                        throw new InvalidDataException($"Ballot {number} of {creditor} is stored twice.");
                    if (recordedAt == transaction) transactions[^1]++;
                    else transactions.Add(1);
                    transaction = recordedAt;
                    break;
            }
        }
        return new StoredVotes(ballots, weights, checkedIn, transactions);
    }

    /// <summary>The tally as the stored rows give it: each creditor's last ballot counts once, with its roll amount.</summary>
    public TallyNumbers Recount()
    {
        var last = Ballots.Values.GroupBy(b => b.Creditor, StringComparer.Ordinal).Select(g => g.MaxBy(b => b.Number)!).ToList();
        int[] heads = [0, 0, 0];
        long[] amounts = [0, 0, 0];
        foreach (var ballot in last)
        {
            heads[(int)ballot.Choice]++;
            amounts[(int)ballot.Choice] += Weights.GetValueOrDefault(ballot.Creditor);
        }
        var present = CheckedIn.Where(Weights.ContainsKey).Concat(last.Select(b => b.Creditor)).Distinct(StringComparer.Ordinal).Count();
        return new TallyNumbers(last.Count, present, heads[0], heads[1], heads[2], amounts[0], amounts[1], amounts[2]);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : throw new InvalidDataException($"A stored fact has no '{name}'.");

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;
}

/// <summary>One stored ballot; <paramref name="TransactionStart"/> is its row's recorded_at (UTC), the start of the transaction that committed it.</summary>
public sealed record StoredBallot(string Creditor, long Number, Meetings.Voting.VoteChoice Choice, long LedgerPosition, DateTime TransactionStart);
