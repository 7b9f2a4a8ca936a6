using System.Net;
using CaseGrains.DepartmentClient;
using CaseGrains.Departments;
using CaseGrains.Testing;
using CaseGrains.WebFront.MachineApi.Keys;

namespace CaseGrains.Browser.Tests;

/// <summary>A source department set up the way the platform does it (registered, issued a key), sharing data with the reference client.</summary>
public sealed class SourceDepartment(ServerHost server, string department, DepartmentApiClient client)
{
    public string Department => department;

    public static async Task<SourceDepartment> RegisterAsync(ServerHost server, string department, DepartmentRegistration registration)
    {
        var platform = await server.People.PlatformAdminAsync();
        await platform.Http.PutOk<DepartmentRegistration>($"/api/departments/{department}", registration);
        var key = await platform.Http.PostOk<IssuedDepartmentKey>($"/api/departments/{department}/keys", new { });
        return new SourceDepartment(server, department, new DepartmentApiClient(server.Http, key.KeyId, DepartmentApiClient.DecodeSecret(key.Secret)));
    }

    /// <summary>Sends a full snapshot of one resource through the signed machine API; the batch must be accepted.</summary>
    public async Task ShareAsync(string caseId, string resource, string reference, params Dictionary<string, object?>[] records)
    {
        using var response = await client.ShareDataAsync(caseId, resource, records, reference, DepartmentApiClient.NewIdempotencyKey());
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{department} sharing {resource} into {caseId} on {server.Address}: {body}");
    }
}
