using CaseGrains.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Security;

/// <summary>
/// Every authenticated request, cookie or bearer, is checked against the account's open sessions: a session past its
/// idle or absolute limit, ended by sign-out, or of a disabled account no longer authenticates anybody.
/// </summary>
public sealed class SessionValidationMiddleware(RequestDelegate next, IGrainFactory grains, TimeProvider clock, IOptions<SecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var username = user.Username();
            var session = user.SessionId();
            var limits = new SessionLimits(options.Value.SessionIdle, options.Value.SessionAbsolute);
            var valid = username is not null && session is not null &&
                        await grains.Get<IAccountGrain>(username).UseSession(session, clock.GetUtcNow(), limits);
            if (!valid)
            {
                if (user.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                    await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            }
        }
        await next(context);
    }
}
