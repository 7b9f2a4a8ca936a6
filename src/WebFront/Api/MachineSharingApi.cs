using System.Text.Json;
using CaseGrains.Departments;
using CaseGrains.Runtime;
using CaseGrains.Sharing;
using CaseGrains.WebFront.MachineApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>Source departments share data into a case through the signed machine API, one catalogue resource a batch.</summary>
public static class MachineSharingApi
{
    public static IEndpointRouteBuilder MapMachineSharingApi(this IEndpointRouteBuilder routes)
    {
        // The department is the owner of the key that signed the request.
        var machine = routes.MapMachineGroup();
        machine.MapPost("/cases/{caseId}/shared-data/{resource}", Share).WithName("MachineShareData")
            .WithSummary("A department's full snapshot of one catalogue resource for a case: records are checked one by one, compared with the last snapshot and recorded in the ledger.");
        return routes;
    }

    private static async Task<Ok<DataBatchRecorded>> Share(string caseId, string resource, SharedDataRequest body, HttpContext http, IGrainFactory grains)
    {
        var caller = MachineCaller.Of(http);
        var department = await grains.Get<ISourceDepartmentGrain>(caller.Department).Get()
            ?? throw RuleViolationException.NotFound("departmentCode", $"No department {caller.Department} is registered.");
        var batch = new ReceiveDataBatch(caller.Department, department.Kind, Ids.Check(resource, "resource"), body.Records, body.Reference);
        return TypedResults.Ok(await grains.Get<ISharedDataGrain>(Ids.Check(caseId, "caseId")).Receive(batch));
    }
}

/// <summary>A batch of records for one resource; each record is a JSON object with the fields the catalogue names.</summary>
public sealed record SharedDataRequest(IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Records, string? Reference = null);
