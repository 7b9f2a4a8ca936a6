using Microsoft.AspNetCore.Http;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>The source department whose key signed the request, once the signature was verified.</summary>
public sealed record MachineCaller(string Department, string KeyId)
{
    private static readonly object ItemKey = new();

    /// <exception cref="InvalidOperationException">The endpoint is not behind <see cref="MachineRequestMiddleware"/>.</exception>
    public static MachineCaller Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) && caller is MachineCaller c
            ? c
            : throw new InvalidOperationException("The request has no verified machine caller; is the endpoint marked as a machine endpoint?");

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}
