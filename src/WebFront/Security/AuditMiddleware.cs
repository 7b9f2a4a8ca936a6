using Microsoft.AspNetCore.Http;

namespace CaseGrains.WebFront.Security;

/// <summary>Records every write and every refused request in the audit trail, after the response status is known.</summary>
public sealed class AuditMiddleware(RequestDelegate next, IAuditLog audit, TimeProvider clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var method = context.Request.Method;
        var status = context.Response.StatusCode;
        var write = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        if (!write && status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)) return;
        if (context.Request.Path.StartsWithSegments("/api/auth/signin") || context.Request.Path.StartsWithSegments("/api/auth/token")) return;
        var user = context.User;
        audit.Record(new AuditRecord(
            clock.GetUtcNow(),
            user.Actor(),
            user.Role()?.ToString(),
            context.Connection.RemoteIpAddress?.ToString() ?? "",
            method,
            context.Request.Path.Value ?? "",
            status,
            context.Request.RouteValues["caseId"] as string,
            status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden ? "denied" : null));
    }
}
