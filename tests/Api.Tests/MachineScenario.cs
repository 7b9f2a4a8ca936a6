using System.Net.Http.Json;
using System.Text.Json;
using CaseGrains.DepartmentClient;
using CaseGrains.Departments;
using CaseGrains.Testing;
using CaseGrains.WebFront.MachineApi.Keys;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>A tax bureau set up the way the platform does it: registered, issued a key, talking to the machine API with the reference client.</summary>
public sealed class MachineScenario(ServerHost server, string department = "tax-sz")
{
    /// <summary>The acceptance date of <see cref="CaseScenario"/> cases.</summary>
    public static readonly DateOnly Acceptance = new(2026, 3, 1);

    public string Department { get; } = department;
    public IssuedDepartmentKey Key { get; private set; } = null!;
    public byte[] Secret => DepartmentApiClient.DecodeSecret(Key.Secret);

    /// <summary>The platform administrator registers the department and issues its first key.</summary>
    public async Task<MachineScenario> RegisterAsync(DepartmentRegistration? registration = null)
    {
        var platform = await server.People.PlatformAdminAsync();
        await platform.Http.PutOk<DepartmentRegistration>($"/api/departments/{Department}", registration ?? new DepartmentRegistration("国家税务总局深圳市税务局", "tax"));
        Key = await IssueKeyAsync();
        return this;
    }

    /// <summary>The same department with the same key, talking to another server (one restarted on the same database).</summary>
    public MachineScenario On(ServerHost other) => new(other, Department) { Key = Key };

    public async Task<IssuedDepartmentKey> IssueKeyAsync() =>
        await (await server.People.PlatformAdminAsync()).Http.PostOk<IssuedDepartmentKey>($"/api/departments/{Department}/keys", new { });

    /// <summary>The machine API needs no sign-in, only a signature: the default client is the server's anonymous one.</summary>

    public DepartmentApiClient Client(TimeProvider? clock = null, HttpClient? http = null, byte[]? secret = null, string? keyId = null) =>
        new(http ?? server.Http, keyId ?? Key.KeyId, secret ?? Secret, clock);

    /// <summary>Tax owed of <paramref name="principalFen"/> and a late fee up to <paramref name="feeUntil"/> when one is asked for.</summary>
    public static TaxDeclaration Declaration(long principalFen, long feeFen = 0, DateOnly? feeUntil = null, string? reference = null)
    {
        var lines = new List<TaxLine> { new("taxPrincipal", "增值税", "2025-12", principalFen) };
        if (feeFen > 0) lines.Add(new TaxLine("lateFee", "增值税", "2025-12", feeFen, feeUntil ?? Acceptance));
        return new TaxDeclaration(lines, reference);
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Rows in a table of the server's database, for what no endpoint shows (ledger bytes, stored keys).</summary>
    public static async Task<T?> ScalarAsync<T>(ServerHost server, string sql, params object[] parameters)
    {
        await using var command = server.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        foreach (var p in parameters) command.Parameters.Add(new() { Value = p });
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }
}
