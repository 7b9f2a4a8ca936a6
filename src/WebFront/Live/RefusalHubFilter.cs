using Microsoft.AspNetCore.SignalR;

namespace CaseGrains.WebFront.Live;

/// <summary>
/// Hub calls refused by a rule reach the client as "kind: field: reason", kind being invalid, notFound, conflict or
/// notAllowed (SignalR hides other exceptions' messages, which is what we want for everything unexpected).
/// </summary>
public sealed class RefusalHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (RuleViolationException e)
        {
            var kind = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.Kind.ToString());
            throw new HubException(string.IsNullOrEmpty(e.Field) ? $"{kind}: {e.Message}" : $"{kind}: {e.Field}: {e.Message}");
        }
        catch (GrainCallTimeoutException)
        {
            throw new HubException("The server is busy; try again.");
        }
    }
}
