namespace CaseGrains.WebFront.MachineApi;

/// <summary>
/// Endpoint metadata marking the signed machine API: <see cref="MachineRequestMiddleware"/> verifies the request's
/// signature before the endpoint runs and, for a write (any method but GET, HEAD and OPTIONS), applies its
/// Idempotency-Key.
/// </summary>
public sealed class MachineEndpoint
{
    public static MachineEndpoint Instance { get; } = new();

    private MachineEndpoint()
    {
    }

    public static bool IsWrite(string method) =>
        !(Microsoft.AspNetCore.Http.HttpMethods.IsGet(method) || Microsoft.AspNetCore.Http.HttpMethods.IsHead(method) || Microsoft.AspNetCore.Http.HttpMethods.IsOptions(method));
}
