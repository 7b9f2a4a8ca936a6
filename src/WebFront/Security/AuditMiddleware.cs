using CaseGrains.WebFront.MachineApi;
using CaseGrains.WebFront.Problems;
using Microsoft.AspNetCore.Http;

namespace CaseGrains.WebFront.Security;

/// <summary>
/// Records every write and every refused request in the audit trail, after the response status is known. Machine
/// requests are recorded by <see cref="MachineRequestMiddleware"/>, which knows the signing department and also the
/// requests it refuses itself.
/// </summary>
public sealed class AuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            // The exception handler further out writes the answer; the trail gets the status it will write.
            Record(context, ProblemExceptionHandler.ToProblem(e).Status ?? StatusCodes.Status500InternalServerError);
            throw;
        }
        Record(context, context.Response.StatusCode);
    }

    private void Record(HttpContext context, int status)
    {
        if (!IsAudited(context.Request.Method, status)) return;
        if (context.Request.Path.StartsWithSegments("/api/auth/signin") || context.Request.Path.StartsWithSegments("/api/auth/token")) return;
        if (context.GetEndpoint()?.Metadata.GetMetadata<MachineEndpoint>() is not null) return;
        var user = context.User;
        audit.Record(Entry(context, clock.GetUtcNow(), user.Actor(), user.Role()?.ToString(), status,
            status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden ? "denied" : null));
    }

    /// <summary>What the trail keeps: every write, and every read refused for who made it.</summary>
    public static bool IsAudited(string method, int status)
    {
        var write = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        return write || status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden;
    }

    /// <summary>The record of this request by <paramref name="actor"/>, with the case it names in its route.</summary>
    public static AuditRecord Entry(HttpContext context, DateTimeOffset at, string actor, string? role, int status, string? detail) => new(
        at,
        actor,
        role,
        context.Connection.RemoteIpAddress?.ToString() ?? "",
        context.Request.Method,
        context.Request.Path.Value ?? "",
        status,
        context.Request.RouteValues["caseId"] as string,
        detail);
}
