using System.Net;
using CaseGrains.WebFront.Security;
using CaseGrains.Departments;
using CaseGrains.Runtime;
using CaseGrains.WebFront.MachineApi;
using CaseGrains.WebFront.MachineApi.Callbacks;
using CaseGrains.WebFront.MachineApi.Keys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// The platform's side of the machine API: issuing and revoking a department's keys, registering where its results
/// are pushed, and the record of those pushes. For platform administrators only.
/// </summary>
public static class DepartmentKeysApi
{
    public static IEndpointRouteBuilder MapDepartmentKeysApi(this IEndpointRouteBuilder routes)
    {
        var department = routes.MapGroup("/departments/{code}").WithTags("Source departments: machine access").Allow(Policies.PlatformAdmin);
        department.MapPost("/keys", Issue).WithName("IssueDepartmentKey")
            .WithSummary("Issues a key id and secret for the signed machine API; the secret is shown in this answer only.");
        department.MapGet("/keys", List).WithName("ListDepartmentKeys");
        department.MapPost("/keys/{keyId}/revoke", Revoke).WithName("RevokeDepartmentKey")
            .WithSummary("Revokes a key at once: requests signed with it are refused.");
        department.MapPut("/callback", RegisterCallback).WithName("RegisterDepartmentCallback")
            .WithSummary("Sets the URL that review results are pushed to, signed with the department's key.");
        department.MapGet("/callback", GetCallback).WithName("GetDepartmentCallback");
        department.MapGet("/callback/attempts", Attempts).WithName("ListDepartmentCallbackAttempts")
            .WithSummary("The latest delivery attempts, newest first.");
        return routes;
    }

    private static async Task<Created<IssuedDepartmentKey>> Issue(string code, IGrainFactory grains, IDepartmentKeyStore keys, HttpContext http)
    {
        await RequireRegistered(grains, code);
        var issued = await keys.IssueAsync(code, http.RequestAborted);
        return TypedResults.Created($"/api/departments/{code}/keys/{issued.KeyId}", issued);
    }

    private static async Task<Ok<IReadOnlyList<DepartmentKeyView>>> List(string code, IDepartmentKeyStore keys, HttpContext http) =>
        TypedResults.Ok(await keys.ListAsync(Ids.Check(code, "code"), http.RequestAborted));

    private static async Task<Ok<DepartmentKeyView>> Revoke(string code, string keyId, IDepartmentKeyStore keys, HttpContext http) =>
        TypedResults.Ok(await keys.RevokeAsync(Ids.Check(code, "code"), keyId, http.RequestAborted)
            ?? throw RuleViolationException.NotFound("keyId", $"Department {code} has no key {keyId}."));

    private static async Task<Ok<DepartmentCallbackView>> RegisterCallback(
        string code, CallbackRegistrationRequest body, IGrainFactory grains, ICallbackStore callbacks, IOptions<MachineApiOptions> options, HttpContext http)
    {
        await RequireRegistered(grains, code);
        return TypedResults.Ok(await callbacks.RegisterAsync(code, CheckUrl(body.Url, options.Value.AllowInsecureCallbacks), http.RequestAborted));
    }

    private static async Task<Ok<DepartmentCallbackView>> GetCallback(string code, ICallbackStore callbacks, HttpContext http) =>
        TypedResults.Ok(await callbacks.GetAsync(Ids.Check(code, "code"), http.RequestAborted)
            ?? throw RuleViolationException.NotFound("code", $"Department {code} has registered no callback."));

    private static async Task<Ok<IReadOnlyList<CallbackAttemptView>>> Attempts(string code, ICallbackStore callbacks, HttpContext http, int limit = 100)
    {
        if (limit is < 1 or > 1000) throw RuleViolationException.Invalid("limit", "Ask for 1 to 1000 attempts.");
        return TypedResults.Ok(await callbacks.ListAttemptsAsync(Ids.Check(code, "code"), limit, http.RequestAborted));
    }

    private static async Task RequireRegistered(IGrainFactory grains, string code)
    {
        if (await grains.Get<ISourceDepartmentGrain>(Ids.Check(code, "code")).Get() is null)
            throw RuleViolationException.NotFound("code", $"No department {code} is registered.");
    }

    /// <summary>An absolute https URL without user information; plain http only to loopback unless allowed by configuration.</summary>
    private static Uri CheckUrl(string? url, bool allowInsecure)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw RuleViolationException.Invalid("url", "The callback URL is an absolute https URL.");
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0 || uri.AbsoluteUri.Length > 2000)
            throw RuleViolationException.Invalid("url", "The callback URL has no user information or fragment and is at most 2000 characters.");
        var loopback = uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));
        if (uri.Scheme == Uri.UriSchemeHttp && !loopback && !allowInsecure)
            throw RuleViolationException.Invalid("url", "The callback URL uses https (plain http only to this machine, for testing).");
        return uri;
    }
}

public sealed record CallbackRegistrationRequest(string Url);
