using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CaseGrains.WebFront.Security;

/// <summary>
/// A write that is authenticated by the cookie (which a browser sends by itself) must carry the anti-forgery token in
/// the X-XSRF-TOKEN header; bearer-token requests carry no ambient credential and need none. The hub is exempt: its
/// negotiate answer cannot be read by another site, and its WebSocket is held to the page's own origin by LiveHub.
/// </summary>
public sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        if (unsafeMethod && !context.Request.Path.StartsWithSegments("/hubs") && context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
            && !await antiforgery.IsRequestValidAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["X-XSRF-TOKEN"] = ["The anti-forgery token is missing or wrong: fetch /api/auth/antiforgery and send its token in this header."],
                })
                { Status = StatusCodes.Status400BadRequest, Title = "The request is not valid." },
            });
            return;
        }
        await next(context);
    }
}
