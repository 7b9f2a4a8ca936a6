using CaseGrains.Claims;
using CaseGrains.Ledger;
using CaseGrains.LedgerVerifier;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>
/// What the ledger tests share: a folder for the files a creditor or witness would keep, the verifier console run
/// in-process as they would run it, the ledger endpoints, and direct access to the stored rows for tampering.
/// </summary>
public sealed class LedgerTestKit(HttpClient http, string caseId) : IDisposable
{
    // Made on the first file saved: most kits save none, and a kit used without `using` would leave it behind.
    private readonly Lazy<string> folder = new(() => Directory.CreateTempSubdirectory("casegrains-ledger-").FullName);

    public string CaseId { get; } = caseId;

    /// <summary>The signed-in client the kit calls the ledger with.</summary>
    public HttpClient Http => http;

    public string Ledger => $"/api/cases/{CaseId}/ledger";

    /// <summary>Opens a case through its judge and returns its administrator's client: staff may read and publish the ledger.</summary>
    public static async Task<HttpClient> OpenCaseAsync(ServerHost server, string caseId)
    {
        var scenario = new CaseScenario(server, caseId);
        await scenario.OpenAsync();
        return scenario.Administrator.Http;
    }

    public string Save(string name, string text)
    {
        var path = Path.Combine(folder.Value, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Saves the server's log key the way a verifier would: from its stable URL.</summary>
    public async Task<string> SaveLogKeyAsync() => Save("log.vkey", await http.GetStringAsync("/api/ledger/key"));

    public async Task<string> SaveExportAsync(string name = "ledger.jsonl") =>
        Save(name, await http.GetStringAsync($"{Ledger}/export"));

    public static async Task<(int Code, string Output, string Error)> VerifyAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await VerifierCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public Task<CheckpointResponse> CheckpointAsync() => http.GetOk<CheckpointResponse>($"{Ledger}/checkpoint");

    public Task<CheckpointResponse> PublishAsync() => http.PostOk<CheckpointResponse>($"{Ledger}/checkpoint", new { });

    public Task<LedgerCheckResult> CheckAsync() => http.PostOk<LedgerCheckResult>($"{Ledger}/check", new { });

    public async Task DeclareClaimsAsync(int count, int firstCreditor = 0, int parallel = 1) =>
        await Parallel.ForEachAsync(Enumerable.Range(firstCreditor, count), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, _) =>
            await http.PostOk<ClaimView>($"/api/cases/{CaseId}/claims",
                new DeclareClaimRequest($"{CaseId}-cr{i:D4}", ClaimClass.Ordinary, CaseScenario.ClaimOf(i))));

    public static async Task<int> ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<byte[]> ReadEntryAsync(string connectionString, string caseId, long position)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select entry from ledger_entry where case_id = $1 and position = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = caseId });
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        return (byte[])(await command.ExecuteScalarAsync())!;
    }

    public void Dispose()
    {
        if (!folder.IsValueCreated) return;
        try
        {
            Directory.Delete(folder.Value, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
